import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import type { DbClient } from "../platform/db-client.ts";
import { dec } from "../platform/decimal.ts";

/**
 * The outcome of an entry zone's execution once no zone entry rests any more (all filled, expired, cancelled by a
 * target or a close): filled for what the zone bought, or failed when nothing filled. The execution stayed
 * "placed" while the zone waited; finishing it is what tells the follower (the outbox sweep picks it up). Runs
 * again harmlessly: only a "placed" execution is finished.
 */
export async function settleZoneExecution(
  input: { tradeId: string; note?: string },
  deps: { db: DbClient; ledger: ExecutionLedger },
): Promise<void> {
  const { db } = deps;
  const entry = await db.order.findFirst({
    where: { tradeId: input.tradeId, kind: "entry", leg: 0 },
    select: { executionId: true, type: true },
  });
  if (!entry?.executionId) return;
  const [execution, resting, trade] = await Promise.all([
    db.execution.findUnique({ where: { id: entry.executionId }, select: { status: true, attempts: true } }),
    db.order.count({ where: { tradeId: input.tradeId, kind: "entry", status: { in: ["open", "sending"] } } }),
    db.trade.findUniqueOrThrow({ where: { id: input.tradeId } }),
  ]);
  if (execution?.status !== "placed" || resting > 0) return;
  const entered = dec(trade.entryAmount);
  const requested = dec(trade.requestedAmount);
  if (!entered.gt(0)) {
    await deps.ledger.finish({
      id: entry.executionId,
      status: "failed",
      attempts: execution.attempts,
      errorCode: "ORDER_EXPIRED",
      error: input.note ? `${input.note} without a fill` : "no entry of the zone filled",
    });
    return;
  }
  const partial = entered.lt(requested)
    ? `${entered.toFixed()} of ${requested.toFixed()} filled; the trade and its TP/SL are for that part`
    : undefined;
  const error = [input.note && partial ? input.note : undefined, partial].filter(Boolean).join(": ") || null;
  await deps.ledger.finish({
    id: entry.executionId,
    status: "filled",
    attempts: execution.attempts,
    filledAmount: entered,
    avgPrice: trade.entryPrice ? dec(trade.entryPrice) : undefined,
    error,
  });
}
