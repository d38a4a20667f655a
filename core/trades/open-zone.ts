import type { Logger } from "pino";
import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExecutionOutcome, Sized } from "../copying/execution-outcome.ts";
import type { LoadedExecution } from "../copying/load-execution.ts";
import type { ExchangeClient, MarketInfo, PositionSide } from "../exchange/exchange.ts";
import { clientOrderIdFor } from "../orders/client-order-id.ts";
import { placeOrder } from "../orders/place-order.ts";
import type { DbClient } from "../platform/db-client.ts";
import { dec } from "../platform/decimal.ts";
import { isAppError } from "../platform/errors.ts";
import { DEFAULT_ENTRY_EXPIRY_SEC, type ZoneEntry } from "../signals/entry-plan.ts";
import { planJson, type TradePlan, zoneLegs } from "./entry-legs.ts";
import { followEntries } from "./follow-entries.ts";
import { closeTradeRecord } from "./trade-store.ts";

type Deps = { db: DbClient; ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger };

/**
 * Places an entry zone's limit orders for a trade already written (with its first entry's row), each under its
 * own client order id ("-e" for the nearest, "-e1", "-e2", … for the others), then opens the trade for
 * reconciliation to follow: its fills are protected as they come (`followEntries`), and what has not filled by
 * `entryDeadline` (receipt + entry_expiry_sec) is cancelled. Runs again after a crash or a retry without a second
 * order: every leg is looked up by its id first (`fresh` false). The execution stays "placed" while entries rest.
 */
export async function openZone(
  input: {
    execution: LoadedExecution;
    tradeId: string;
    side: PositionSide;
    market: MarketInfo;
    entries: ZoneEntry[];
    plan: TradePlan;
    sized: Sized;
    /** The first attempt: the first entry's "sending" row was just written with the trade, the others not at all. */
    fresh: boolean;
    now: Date;
  },
  deps: Deps,
): Promise<ExecutionOutcome> {
  const { execution, tradeId, side, sized } = input;
  const { signal, subscription } = execution;
  const { db } = deps;
  const trade = await db.trade.findUniqueOrThrow({ where: { id: tradeId } });
  const legs = zoneLegs({ side, amount: dec(trade.requestedAmount), entries: input.entries, market: input.market });
  const problems: string[] = [];
  let placed = 0;
  for (const l of legs) {
    const clientOrderId =
      l.leg === 0 ? execution.clientOrderId : clientOrderIdFor(signal.id, subscription.id, "entry", l.leg);
    const existing = input.fresh ? null : await db.order.findUnique({ where: { clientOrderId } });
    if (l.leg === 0 && input.fresh) {
      // Written with the trade for the whole amount and no price: this leg is its share of it, at its own price.
      await db.order.update({
        where: { clientOrderId },
        data: { requestedAmount: l.amount.toString(), triggerPrice: l.price.toString() },
      });
    }
    try {
      await placeOrder(
        {
          executionId: execution.id,
          tradeId,
          kind: "entry",
          leg: l.leg,
          existing,
          recorded: l.leg === 0 && input.fresh,
          request: {
            symbol: signal.symbol,
            side: side === "long" ? "buy" : "sell",
            type: "limit",
            timeInForce: "GTC",
            price: l.price,
            amount: l.amount,
            clientOrderId,
          },
        },
        deps,
      );
      placed += 1;
    } catch (err) {
      if (!isAppError(err) || err.retryable) throw err;
      problems.push(`entry ${l.leg + 1} at ${l.price.toFixed()} not placed: ${err.message}`);
    }
  }
  if (placed === 0) {
    await closeTradeRecord(db, tradeId, "expired", input.now);
    return { status: "failed", errorCode: "ORDER_REJECTED", reason: problems.join("; "), sized };
  }
  const expirySec = signal.entryExpirySec ?? DEFAULT_ENTRY_EXPIRY_SEC;
  const deadline = new Date(signal.receivedAt.getTime() + expirySec * 1000);
  await db.trade.updateMany({
    where: { id: tradeId, status: "opening" },
    data: { status: "open", entryDeadline: deadline, plan: planJson(input.plan) as object },
  });
  // Whatever filled at once (a limit the market had already reached) is recorded and protected now.
  const after = await followEntries({ tradeId, now: input.now, settle: false }, deps);
  const resting = await db.order.count({ where: { tradeId, kind: "entry", status: { in: ["open", "sending"] } } });
  const entered = dec(after.entryAmount);
  const zone = `entry zone of ${legs.length} limit orders at ${legs.map((l) => l.price.toFixed()).join(", ")}`;
  const notes = [...problems];
  if (resting > 0) {
    const until = `${deadline.toISOString().slice(0, 16).replace("T", " ")} UTC`;
    notes.unshift(`${zone}, resting until ${until}${entered.gt(0) ? `; ${entered.toFixed()} filled so far` : ""}`);
    const avgPrice = after.entryPrice ? dec(after.entryPrice) : undefined;
    return { status: "placed", filledAmount: entered, avgPrice, sized, warning: notes.join("; ") };
  }
  if (!entered.gt(0)) {
    return { status: "failed", errorCode: "ORDER_EXPIRED", reason: `${zone}: none filled`, sized };
  }
  const avgPrice = after.entryPrice ? dec(after.entryPrice) : undefined;
  return { status: "filled", filledAmount: entered, avgPrice, sized, warning: notes.join("; ") || undefined };
}
