import type { Trade } from "../../generated/prisma/client.ts";
import { dec } from "../platform/decimal.ts";
import type { ClosedTradeView } from "./notification-message.ts";

/** The trade's figures for a message: exit amount, prices, and PnL net of fees. */
export function closedTradeView(t: Trade): ClosedTradeView {
  const quote = t.symbol.split(":")[1] ?? t.symbol.split("/")[1] ?? "USDT";
  return {
    side: t.side,
    amount: dec(t.exitAmount).gt(0) ? t.exitAmount.toString() : t.entryAmount.toString(),
    entryPrice: t.entryPrice?.toString() ?? null,
    exitPrice: t.exitPrice?.toString() ?? null,
    pnl: dec(t.realisedPnl).sub(dec(t.fees)).toFixed(2),
    fees: dec(t.fees).toFixed(2),
    quote,
  };
}
