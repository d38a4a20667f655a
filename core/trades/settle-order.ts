import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExchangeClient, OrderResult } from "../exchange/exchange.ts";
import { AppError } from "../platform/errors.ts";

/** How long a market order may stay unfilled at the exchange before the rest of it is cancelled. */
export const PENDING_ORDER_DEADLINE_MS = 20_000;
const LOOK_AGAIN_MS = 1_000;

/**
 * A market order the venue answered NEW or PARTIALLY_FILLED: look again shortly (retryable ORDER_PENDING), and
 * once it has waited long enough, or this is the execution's last attempt, cancel what is left and go on with
 * what filled. Every execution so reaches a terminal state within a bounded time.
 */
export async function settleOrder(
  result: OrderResult,
  ctx: { sentAt: Date; lastAttempt: boolean; now: Date },
  deps: { exchange: ExchangeClient; ledger: ExecutionLedger },
): Promise<OrderResult> {
  if (result.status !== "open") return result;
  const waited = ctx.now.getTime() - ctx.sentAt.getTime();
  if (waited < PENDING_ORDER_DEADLINE_MS && !ctx.lastAttempt) {
    // Recorded as open, so the next look is a look-up, not a wait for an uncertain request to expire.
    await deps.ledger.recordOrder(result.clientOrderId, result);
    throw new AppError(
      "ORDER_PENDING",
      `${result.symbol} order ${result.clientOrderId} is not filled yet (${result.filledAmount.toFixed()} so far)`,
      { retryAfterMs: LOOK_AGAIN_MS },
    );
  }
  await deps.exchange.cancelOrder(result.symbol, result.clientOrderId);
  const final = (await deps.exchange.findOrder(result.symbol, result.clientOrderId)) ?? result;
  // A cancel the venue has not applied yet still leaves the order open; whatever filled is all it will have.
  const settled: OrderResult = final.status === "open" ? { ...final, status: "canceled" } : final;
  await deps.ledger.recordOrder(result.clientOrderId, settled);
  return settled;
}
