import type { Logger } from "pino";
import type { ExchangeClient, OrderResult } from "../exchange/exchange.ts";
import { placeOrder } from "../orders/place-order.ts";
import { dec, decOrNull } from "../platform/decimal.ts";
import { isAppError } from "../platform/errors.ts";
import type { ExecutionLedger } from "./execution-ledger.ts";
import type { LoadedExecution } from "./load-execution.ts";
import type { ExecutionOutcome } from "./open-position.ts";

/** Closes the follower's whole position in the signal's symbol (reduce-only) and cancels its TP/SL. */
export async function closePosition(
  execution: LoadedExecution,
  deps: { ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger },
): Promise<ExecutionOutcome> {
  const { signal } = execution;
  const { exchange } = deps;
  const position = (await exchange.fetchPositions()).find((p) => p.symbol === signal.symbol);
  if (!position && !execution.orders.some((o) => o.kind === "close")) {
    await exchange.cancelAllOrders(signal.symbol);
    return { status: "skipped", reason: `no open position in ${signal.symbol} to close` };
  }

  const referencePrice = decOrNull(signal.price) ?? position?.markPrice ?? position?.entryPrice;
  const earlier = execution.orders.find((o) => o.kind === "close") ?? null;
  const side = position ? (position.side === "short" ? "buy" : "sell") : (earlier?.side as "buy" | "sell");
  const amount = position?.contracts ?? dec(earlier?.requestedAmount ?? 0);
  let result: OrderResult;
  try {
    result = await placeOrder(
      {
        executionId: execution.id,
        kind: "close",
        existing: earlier,
        request: {
          symbol: signal.symbol,
          side,
          type: "market",
          amount,
          reduceOnly: true,
          clientOrderId: execution.clientOrderId,
          referencePrice,
        },
      },
      deps,
    );
  } catch (err) {
    // An earlier attempt's close is not at the exchange and the position is gone: something else closed it.
    if (!position && isAppError(err, "ORDER_REJECTED")) {
      await exchange.cancelAllOrders(signal.symbol);
      return { status: "skipped", reason: `no open position in ${signal.symbol} to close` };
    }
    throw err;
  }
  // TP/SL of a closed position would otherwise linger and could open a new one on a later trigger.
  await exchange.cancelAllOrders(signal.symbol);
  return {
    status: result.status === "filled" ? "filled" : "placed",
    filledAmount: result.filledAmount,
    avgPrice: result.avgPrice,
    sized: { side, leverage: null, requestedAmount: amount, referencePrice },
  };
}
