import type { Decimal } from "../platform/decimal.ts";
import type { HaltReason } from "./guardrail-state.ts";

export interface GuardrailCheck {
  /** The day's PnL: realised since 00:00 UTC plus unrealised now. */
  pnl: Decimal;
  /** pnl in percent of the day's starting equity (null when there is no positive equity to measure against). */
  pnlPerc: Decimal | null;
  /** Starting equity plus the day's PnL. */
  equity: Decimal;
  tripped: HaltReason | null;
  /** The limit that tripped, in percent. */
  limitPerc: Decimal | null;
}

/**
 * Whether a daily guardrail has tripped: the day's PnL (realised since 00:00 UTC, net of fees, plus unrealised now)
 * at or below −loss% of the day's starting equity, or at or above +profit% of it. The loss limit is looked at first:
 * both cannot hold at once. Pure; the caller gathers the figures (guard-account.ts).
 */
export function checkGuardrails(input: {
  startEquity: Decimal;
  realised: Decimal;
  unrealised: Decimal;
  lossLimitPerc: Decimal | null;
  profitLockPerc: Decimal | null;
}): GuardrailCheck {
  const pnl = input.realised.add(input.unrealised);
  const equity = input.startEquity.add(pnl);
  // An account with nothing in it has no percent to lose; its trades cannot be measured against it either.
  if (input.startEquity.lte(0)) return { pnl, pnlPerc: null, equity, tripped: null, limitPerc: null };
  const pnlPerc = pnl.div(input.startEquity).mul(100);
  const { lossLimitPerc: loss, profitLockPerc: profit } = input;
  if (loss && pnlPerc.lte(loss.neg())) return { pnl, pnlPerc, equity, tripped: "daily_loss", limitPerc: loss };
  if (profit && pnlPerc.gte(profit)) return { pnl, pnlPerc, equity, tripped: "daily_profit", limitPerc: profit };
  return { pnl, pnlPerc, equity, tripped: null, limitPerc: null };
}
