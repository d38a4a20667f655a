import {
  getNotificationPreferences,
  setNotificationPreferences,
} from "../../../core/accounts/notification-preferences.ts";
import { dec } from "../../../core/platform/decimal.ts";
import { listSubscriptions } from "../../../core/subscriptions/list-subscriptions.ts";
import { settingSchemas } from "../../../core/subscriptions/subscription-settings.ts";
import { type SubscriptionChange, updateSubscription } from "../../../core/subscriptions/update-subscription.ts";
import { isTrailingButton, trailingChange } from "../../shared/trailing-choice.ts";
import type { T } from "../../shared/wording/translator.ts";
import type { DiscordDeps } from "../discord-deps.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { customId, packId, unpackId } from "../kit/custom-id.ts";
import type { Caller, ComponentInput, Responder } from "../kit/handler-input.ts";
import { SETTINGS, settingsListView, sizeByView, subscriptionView } from "./settings-view.ts";
import { isOff, isSizingMode, MODE_WORDING, type SizingMode } from "./sizing-modes.ts";
import { SPLIT_FORM, saveSplit, splitForm } from "./split-setting.ts";
import { trailingView } from "./trailing-view.ts";

type Field = "tp" | "sl" | "mp" | "sc";
const FIELDS: Record<Field, { label: string; ask: string }> = {
  tp: { label: "settings-form-take-profit", ask: "settings-ask-take-profit" },
  sl: { label: "settings-form-stop-loss", ask: "settings-ask-stop-loss" },
  mp: { label: "settings-form-max-positions", ask: "settings-ask-max-positions" },
  sc: { label: "settings-form-slippage", ask: "settings-ask-slippage" },
};
// The subscription column each form sets; empty or "off" clears it.
const COLUMN = {
  tp: "tpPercOverride",
  sl: "slPercOverride",
  mp: "maxOpenPositions",
  sc: "maxSlippagePerc",
} as const;
const isField = (s: string | undefined): s is Field => s !== undefined && Object.hasOwn(FIELDS, s);
const MODE_ASK: Record<SizingMode, string> = {
  risk: "settings-ask-risk",
  fixed: "settings-ask-fixed",
  multiplier: "settings-ask-multiplier",
};

/**
 * /settings: a select of subscriptions and the notification switches; per subscription, pause/resume and a
 * button per setting whose value is typed in a form (empty or "off" clears an override), tapped (trailing stop,
 * DCA on/off) or typed as a take-profit split (split-setting.ts). A wrong value changes nothing and says why.
 */
export const settingsCommand: CommandModule = {
  name: SETTINGS,
  place: "anywhere",
  description: "help-command-settings",

  async run(input, res, deps) {
    await res.reply(await settingsListView(input, deps));
  },

  async component(input, res, deps) {
    const { t } = input;
    const [first, second] = input.args;
    if (input.action === "list") return res.update(await settingsListView(input, deps));
    if (input.action === "n") return toggle(first, second, input, res, deps);
    const id = unpackId(
      input.action === "sub" ? input.values[0] : ["szm", "trm", "dca"].includes(input.action) ? second : first,
    );
    if (!id) return res.update({ text: t("common-menu-expired") });
    switch (input.action) {
      case "sub":
      case "open":
        return res.update(await subscriptionView(input, deps, id));
      case "pause":
      case "resume":
        await change(input, deps, id, { status: input.action === "pause" ? "paused" : "active" });
        return res.update(await subscriptionView(input, deps, id));
      case "sz":
        return res.update(sizeByView(input, id));
      case "szm":
        if (!isSizingMode(first)) break;
        return res.showModal(await valueForm(input, deps, id, first));
      case "tr":
        return res.update(trailingView(input, id));
      case "trm":
        if (!isTrailingButton(first)) break;
        await change(input, deps, id, { trailing: trailingChange(first) });
        return res.update(await subscriptionView(input, deps, id, t("settings-saved")));
      case "dca":
        if (first !== "on" && first !== "off") break;
        await change(input, deps, id, { dcaEnabled: first === "on" });
        return res.update(await subscriptionView(input, deps, id, t("settings-saved")));
      case "tps":
        return res.showModal(await splitForm(input, deps, id));
      case "tp":
      case "sl":
      case "mp":
      case "sc":
        return res.showModal(await valueForm(input, deps, id, input.action));
    }
    await res.update({ text: t("common-menu-expired") });
  },

  async modal(input, res, deps) {
    const { t } = input;
    if (input.action === SPLIT_FORM) {
      const splitId = unpackId(input.args[0]);
      if (!splitId) return void (await res.reply({ text: t("common-menu-expired") }));
      return saveSplit(input, res, deps, splitId, input.fields.value ?? "");
    }
    const [what, packed] = input.args;
    const id = unpackId(packed);
    if (input.action !== "set" || !id || !(isField(what) || isSizingMode(what))) {
      return void (await res.reply({ text: t("common-menu-expired") }));
    }
    const parsed = parseChange(what, input.fields.value ?? "", t);
    if (typeof parsed === "string") {
      const ask = t(isField(what) ? FIELDS[what].ask : MODE_ASK[what]);
      return void (await res.reply({
        text: t("settings-invalid", { problem: parsed || t("settings-problem-invalid"), ask }),
      }));
    }
    await change(input, deps, id, parsed);
    await res.update(await subscriptionView(input, deps, id, t("settings-saved")));
  },
};

async function change(input: Caller, deps: DiscordDeps, subscriptionId: string, change: SubscriptionChange) {
  await updateSubscription({ userId: input.userId, subscriptionId, change }, deps);
  input.log.info({ subscriptionId, fields: Object.keys(change) }, "subscription changed");
}

/** A form with one field for a setting, filled with what it is now. */
async function valueForm(input: Caller, deps: DiscordDeps, id: string, what: Field | SizingMode) {
  const { t } = input;
  const [s] = await listSubscriptions({ userId: input.userId, subscriptionId: id }, deps);
  const current = !s
    ? undefined
    : what === "tp"
      ? s.tpPercOverride?.toString()
      : what === "sl"
        ? s.slPercOverride?.toString()
        : what === "mp"
          ? s.maxOpenPositions?.toString()
          : what === "sc"
            ? s.maxSlippagePerc?.toString()
            : s.sizingMode === what
              ? s.sizingValue?.toString()
              : undefined;
  const sizing = isSizingMode(what);
  return {
    id: customId(SETTINGS, "set", what, packId(id)),
    title: s?.strategy.name ?? t("settings-sizing"),
    fields: [
      {
        id: "value",
        label: t(sizing ? MODE_WORDING[what].field : FIELDS[what].label),
        required: sizing,
        maxLength: 40,
        value: current,
      },
    ],
  };
}

/** The change a form's value asks for, or what is wrong with it. */
function parseChange(what: Field | SizingMode, text: string, t: T): SubscriptionChange | string {
  if (isSizingMode(what)) {
    const p = settingSchemas.sizing.safeParse({ mode: what, value: text });
    return p.success ? { sizing: { mode: p.data.mode, value: dec(p.data.value) } } : (p.error.issues[0]?.message ?? "");
  }
  const column = COLUMN[what];
  if (isOff(t, text)) return { [column]: null };
  if (what === "mp") {
    const p = settingSchemas.maxOpenPositions.safeParse(text.trim());
    return p.success ? { maxOpenPositions: p.data } : (p.error.issues[0]?.message ?? "");
  }
  const schema = { tp: settingSchemas.tpPerc, sl: settingSchemas.slPerc, sc: settingSchemas.maxSlippagePerc }[what];
  const p = schema.safeParse(text.trim());
  return p.success ? { [column]: dec(p.data) } : (p.error.issues[0]?.message ?? "");
}

/** A notification switch flipped, or notifications moved to `to`; the list shows it with what changed. */
async function toggle(
  which: string | undefined,
  to: string | undefined,
  input: ComponentInput,
  res: Responder,
  deps: DiscordDeps,
) {
  const { t } = input;
  const userId = input.userId;
  let head: string;
  if (which === "signals" || which === "daily") {
    const field = which === "signals" ? "notifySignals" : "notifyDaily";
    const now = await getNotificationPreferences({ userId }, deps);
    const changed = await setNotificationPreferences({ userId, [field]: !now[field] }, deps);
    head = t(which === "signals" ? "settings-signal-alerts-turned" : "settings-daily-turned", {
      on: changed[field] ? "yes" : "no",
    });
  } else if (which === "via" && (to === "telegram" || to === "discord")) {
    const changed = await setNotificationPreferences({ userId, via: to }, deps);
    head = t("settings-notify-via-turned", { via: changed.via });
  } else {
    return res.update({ text: t("common-menu-expired") });
  }
  input.log.info({ setting: which }, "notification setting changed");
  await res.update(await settingsListView(input, deps, head));
}
