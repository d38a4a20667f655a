import { listSubscriptions } from "../../../core/subscriptions/list-subscriptions.ts";
import { updateSubscription } from "../../../core/subscriptions/update-subscription.ts";
import { splitAnswer, splitAsTyped, splitInvalid } from "../../shared/dca-and-split-choice.ts";
import type { DiscordDeps } from "../discord-deps.ts";
import { customId, packId } from "../kit/custom-id.ts";
import type { Caller, Responder } from "../kit/handler-input.ts";
import type { ModalView } from "../kit/view.ts";
import { SETTINGS, subscriptionView } from "./settings-view.ts";

/** The custom id action of the split's form (its button is "tps"). */
export const SPLIT_FORM = "split";

/**
 * /settings → a subscription → Take-profit split: a form with one field, filled with the split as it is typed
 * ("1.5:50 3:30 5:20"), so it can be edited; empty or "signal" uses the signal's targets.
 */
export async function splitForm(input: Caller, deps: DiscordDeps, id: string): Promise<ModalView> {
  const { t } = input;
  const [s] = await listSubscriptions({ userId: input.userId, subscriptionId: id }, deps);
  return {
    id: customId(SETTINGS, SPLIT_FORM, packId(id)),
    title: s?.strategy.name ?? t("settings-split"),
    fields: [
      {
        id: "value",
        label: t("settings-form-split"),
        required: false,
        maxLength: 200,
        placeholder: "1.5:50 3:30 5:20",
        value: splitAsTyped(s?.takeProfitSplit ?? null),
      },
    ],
  };
}

/**
 * The submitted split: saved and the subscription shown again, or (a wrong one) the problem and the question,
 * privately, with nothing changed; the form's button is still there to try again.
 */
export async function saveSplit(input: Caller, res: Responder, deps: DiscordDeps, id: string, text: string) {
  const { t } = input;
  const answer = splitAnswer(text, t);
  if ("problem" in answer) return res.reply({ text: splitInvalid(answer.problem, t) });
  await updateSubscription(
    { userId: input.userId, subscriptionId: id, change: { takeProfitSplit: answer.split } },
    deps,
  );
  input.log.info({ subscriptionId: id, fields: ["takeProfitSplit"] }, "subscription changed");
  await res.update(await subscriptionView(input, deps, id, t("settings-saved")));
}
