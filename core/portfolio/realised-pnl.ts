import { type Decimal, dec } from "../platform/decimal.ts";

export interface RealisedEvent {
  at: Date;
  strategyId: string;
  pnl: Decimal;
}

/**
 * What one fill of a trade realised, net of its fee: an exit realises (exit − entry) × amount in the trade's
 * direction against the trade's average entry; an entry realises only its (negative) fee.
 */
export function fillPnl(
  kind: string,
  side: string,
  amount: Decimal,
  price: Decimal,
  entryPrice: Decimal | null,
  fee: Decimal | null,
): Decimal {
  const cost = fee ?? dec(0);
  if (kind !== "exit" || !entryPrice) return cost.neg();
  const direction = side === "short" ? -1 : 1;
  return price.sub(entryPrice).mul(amount).mul(direction).sub(cost);
}

export const sumPnl = (events: RealisedEvent[]) => events.reduce((s, e) => s.add(e.pnl), dec(0));
