import type { SubscriptionView } from "../../../core/subscriptions/list-subscriptions.ts";
import { dcaSummary, splitSummary } from "../dca-and-split-choice.ts";
import { trailingSummary } from "../trailing-choice.ts";
import { accountName } from "./format.ts";
import type { T } from "./translator.ts";

const UNIT = {
  risk: "settings-unit-risk",
  fixed: "settings-unit-fixed",
  multiplier: "settings-unit-multiplier",
} as const;

/**
 * What /settings shows of one subscription, in every transport: sizing, overrides, slippage cap, TP split, DCA,
 * trailing.
 */
export function subscriptionSummary(s: SubscriptionView, t: T): string {
  const signals = t("settings-signals-own");
  return t("settings-summary", {
    strategy: s.strategy.name,
    account: accountName(s.account),
    status: t("common-status", { status: s.status }),
    sizing: s.sizingValue?.toString() ?? t("settings-signal-risk"),
    unit: t(UNIT[s.sizingMode]),
    leverage: s.maxLeverage ? t("subscribe-leverage", { leverage: String(s.maxLeverage) }) : t("common-none"),
    tp: s.tpPercOverride ? `${s.tpPercOverride}%` : signals,
    sl: s.slPercOverride ? `${s.slPercOverride}%` : signals,
    maxPositions: s.maxOpenPositions === null ? t("settings-no-limit") : String(s.maxOpenPositions),
    slippage: s.maxSlippagePerc ? `${s.maxSlippagePerc}%` : t("settings-slippage-default"),
  }).concat(
    "\n",
    [splitSummary(s.takeProfitSplit, t), dcaSummary(s.dcaEnabled, t), trailingSummary(s.trailing, t)].join("\n"),
  );
}
