import { TRAILING_BUTTONS, trailingButtonLabel } from "../../shared/trailing-choice.ts";
import { customId, packId } from "../kit/custom-id.ts";
import type { Caller } from "../kit/handler-input.ts";
import { button, type View } from "../kit/view.ts";
import { SETTINGS } from "./settings-view.ts";

/** The trailing-stop choices of one subscription, a button each (a row holds five), and Back. */
export function trailingView(input: Caller, id: string): View {
  const { t } = input;
  const p = packId(id);
  const choices = TRAILING_BUTTONS.map((b) => button(customId(SETTINGS, "trm", b, p), trailingButtonLabel(b, t)));
  return {
    text: t("settings-trailing-choose"),
    rows: [choices.slice(0, 4), choices.slice(4), [button(customId(SETTINGS, "open", p), t("discord-settings-back"))]],
  };
}
