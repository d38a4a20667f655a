import type { DbClient } from "../../platform/db-client.ts";
import { type Decimal, dec } from "../../platform/decimal.ts";
import { isAppError } from "../../platform/errors.ts";
import { lockedPaperAccount } from "../paper-exchange.ts";
import { applyPaperFill, PAPER_MAKER_FEE_RATE, PAPER_TAKER_FEE_RATE, paperTriggers } from "./paper-fill.ts";
import type { PaperPrices } from "./paper-prices.ts";

export interface PaperTriggerResult {
  triggered: number;
  /** Accounts whose positions moved: reconciliation should look at them now rather than in a cycle. */
  accountIds: string[];
}

/**
 * One paper tick: every resting paper TP/SL whose trigger the symbol's price has crossed fills at its trigger
 * price with the taker fee, as a stop-market order would; every resting GTC limit the price has reached fills
 * whole at its own price (kept in triggerPrice) with the maker fee, its margin having been checked when placed.
 * A reduce-only order with nothing left to reduce expires, and so does the part of a reduce-only limit the
 * position no longer covers. Prices are the live venue's or the configured ones; without either nothing
 * triggers (nothing is known to move).
 */
export async function triggerPaperOrders(deps: {
  db: DbClient;
  prices: PaperPrices;
  takerFeeRate?: Decimal;
  makerFeeRate?: Decimal;
  now?: () => Date;
}): Promise<PaperTriggerResult> {
  const { db } = deps;
  const takerFeeRate = deps.takerFeeRate ?? PAPER_TAKER_FEE_RATE;
  const makerFeeRate = deps.makerFeeRate ?? PAPER_MAKER_FEE_RATE;
  const open = await db.paperOrder.findMany({
    where: { status: "open", triggerPrice: { not: null } },
    select: { id: true, accountId: true, symbol: true, side: true, type: true, triggerPrice: true },
  });
  const symbols = [...new Set(open.map((o) => o.symbol))];
  const marks = new Map<string, Decimal>();
  await Promise.all(
    symbols.map(async (s) => {
      const mark = await deps.prices.markPrice(s);
      if (mark) marks.set(s, mark);
    }),
  );

  const crossed = open.filter((o) => {
    const mark = marks.get(o.symbol);
    return mark !== undefined && paperTriggers(o.type, o.side, dec(o.triggerPrice ?? 0), mark);
  });
  const accountIds = new Set<string>();
  let triggered = 0;
  for (const candidate of crossed) {
    const done = await lockedPaperAccount(db, candidate.accountId, async (tx) => {
      // Re-read under the lock: a cancel or another tick may have got there first.
      const order = await tx.paperOrder.findUnique({ where: { id: candidate.id } });
      if (order?.status !== "open" || !order.triggerPrice) return false;
      const price = dec(order.triggerPrice);
      const at = deps.now?.() ?? new Date();
      const limit = order.type === "limit";
      try {
        const { filled, fee } = await applyPaperFill(
          tx,
          order.accountId,
          {
            symbol: order.symbol,
            side: order.side === "sell" ? "sell" : "buy",
            amount: dec(order.amount),
            reduceOnly: order.reduceOnly,
            marginChecked: limit,
          },
          price,
          limit ? makerFeeRate : takerFeeRate,
        );
        await tx.paperOrder.update({
          where: { id: order.id },
          data: {
            // A TP/SL reports "filled" however much it closed, as it always has; a limit tells its rest expired.
            status: !limit || filled.eq(dec(order.amount)) ? "filled" : "expired",
            filledAmount: filled.toString(),
            avgPrice: price.toString(),
            fee: fee.toString(),
            filledAt: at,
          },
        });
      } catch (err) {
        if (!isAppError(err, "ORDER_REJECTED")) throw err;
        await tx.paperOrder.update({ where: { id: order.id }, data: { status: "expired" } });
      }
      return true;
    });
    if (done) {
      triggered += 1;
      accountIds.add(candidate.accountId);
    }
  }
  return { triggered, accountIds: [...accountIds] };
}
