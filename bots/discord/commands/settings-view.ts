import { getNotificationPreferences } from "../../../core/accounts/notification-preferences.ts";
import { AppError } from "../../../core/platform/errors.ts";
import { listSubscriptions } from "../../../core/subscriptions/list-subscriptions.ts";
import { dcaButtonLabel } from "../../shared/dca-and-split-choice.ts";
import { accountName } from "../../shared/wording/format.ts";
import { subscriptionSummary } from "../../shared/wording/subscription-summary.ts";
import type { DiscordDeps } from "../discord-deps.ts";
import { customId, packId } from "../kit/custom-id.ts";
import type { Caller } from "../kit/handler-input.ts";
import { button, type View } from "../kit/view.ts";
import { SIZING_MODES } from "./sizing-modes.ts";

export const SETTINGS = "settings";

const SIZE_BY = {
  risk: "settings-size-risk",
  fixed: "settings-size-fixed",
  multiplier: "settings-size-multiplier",
} as const;

/** The subscriptions to choose from, and the notification switches. `head` says what just changed. */
export async function settingsListView(input: Caller, deps: DiscordDeps, head?: string): Promise<View> {
  const { t } = input;
  const subs = await listSubscriptions({ userId: input.userId }, deps);
  const prefs = await getNotificationPreferences({ userId: input.userId }, deps);
  const yes = (on: boolean) => (on ? "yes" : "no");
  const switches = [
    button(customId(SETTINGS, "n", "signals"), t("settings-signal-alerts-button", { on: yes(prefs.notifySignals) })),
    button(customId(SETTINGS, "n", "daily"), t("settings-daily-button", { on: yes(prefs.notifyDaily) })),
  ];
  // Only someone on both apps has a choice of where notifications go; the button moves them to the other one.
  const other = prefs.available.find((app) => app !== prefs.via);
  if (prefs.available.length > 1 && other) {
    switches.push(button(customId(SETTINGS, "n", "via", other), t("settings-notify-via-button", { via: prefs.via })));
  }
  const body = subs.length ? t("settings-choose") : t("settings-none");
  return {
    text: head ? `${head}\n\n${body}` : body,
    rows: [
      ...(subs.length
        ? [
            {
              type: "select" as const,
              id: customId(SETTINGS, "sub"),
              placeholder: t("discord-settings-placeholder"),
              options: subs.map((s) => ({
                label: t("settings-subscription-button", {
                  strategy: s.strategy.name,
                  account: accountName(s.account),
                  status: t("common-status", { status: s.status }),
                }),
                value: packId(s.id),
              })),
            },
          ]
        : []),
      switches,
    ],
  };
}

/** One subscription: what it is set to, and a button per setting. */
export async function subscriptionView(input: Caller, deps: DiscordDeps, id: string, head?: string): Promise<View> {
  const { t } = input;
  const [s] = await listSubscriptions({ userId: input.userId, subscriptionId: id }, deps);
  if (!s)
    throw new AppError("NOT_FOUND", "that subscription does not exist any more", {
      details: { wording: "settings-gone" },
    });
  const p = packId(s.id);
  const active = s.status === "active";
  const summary = subscriptionSummary(s, t);
  return {
    text: head ? `${head}\n${summary}` : summary,
    rows: [
      [
        button(
          customId(SETTINGS, active ? "pause" : "resume", p),
          t(active ? "settings-pause" : "settings-resume"),
          active ? "danger" : "success",
        ),
        button(customId(SETTINGS, "sz", p), t("settings-sizing")),
        button(customId(SETTINGS, "tp", p), t("settings-take-profit")),
        button(customId(SETTINGS, "sl", p), t("settings-stop-loss")),
        button(customId(SETTINGS, "mp", p), t("settings-max-positions")),
      ],
      // A row holds five buttons: the rest go beside Back. The DCA button sets the other value, not "flip", so a
      // second press on an old message does not undo the first.
      [
        button(customId(SETTINGS, "sc", p), t("settings-slippage")),
        button(customId(SETTINGS, "tr", p), t("settings-trailing")),
        button(customId(SETTINGS, "dca", s.dcaEnabled ? "off" : "on", p), dcaButtonLabel(s.dcaEnabled, t)),
        button(customId(SETTINGS, "tps", p), t("settings-split")),
        button(customId(SETTINGS, "list"), t("discord-settings-back")),
      ],
    ],
  };
}

/** How to size: one button per mode, each opening a form for its value. */
export function sizeByView(input: Caller, id: string): View {
  const { t } = input;
  const p = packId(id);
  return {
    text: t("settings-size-by"),
    rows: [
      SIZING_MODES.map((m) => button(customId(SETTINGS, "szm", m, p), t(SIZE_BY[m]), "primary")),
      [button(customId(SETTINGS, "open", p), t("discord-settings-back"))],
    ],
  };
}
