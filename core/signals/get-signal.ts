import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";

/** The signal with every follower's outcome: what operators and acceptance checks read. */
export async function getSignal(input: { signalId: string }, deps: { db: DbClient }) {
  const signal = await deps.db.signal.findUnique({
    where: { id: input.signalId },
    include: {
      strategy: { select: { slug: true } },
      executions: { orderBy: [{ subscription: { createdAt: "asc" } }, { id: "asc" }] },
    },
  });
  if (!signal) throw new AppError("NOT_FOUND", `signal ${input.signalId} does not exist`);
  return {
    id: signal.id,
    status: signal.status,
    strategy: signal.strategy.slug,
    action: signal.action,
    symbol: signal.symbol,
    rawSymbol: signal.rawSymbol,
    receivedAt: signal.receivedAt.toISOString(),
    executions: signal.executions.map((e) => ({
      subscriptionId: e.subscriptionId,
      accountId: e.accountId,
      status: e.status,
      clientOrderId: e.clientOrderId,
      side: e.side,
      // What the exchange filled; what we asked for is kept apart.
      amount: e.filledAmount?.toString() ?? null,
      requestedAmount: e.requestedAmount?.toString() ?? null,
      price: e.avgPrice?.toString() ?? null,
      leverage: e.leverage,
      attempts: e.attempts,
      ...(e.errorCode || e.error ? { error: e.error ?? undefined, errorCode: e.errorCode ?? undefined } : {}),
    })),
  };
}
