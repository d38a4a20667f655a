import type { Logger } from "pino";
import type { Order, OrderKind } from "../../generated/prisma/client.ts";
import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExchangeClient, OrderRequest, OrderResult } from "../exchange/exchange.ts";
import { dec } from "../platform/decimal.ts";
import { AppError, type ErrorCode, errorCodes, isAppError } from "../platform/errors.ts";
import { processMetrics } from "../platform/metrics.ts";

export interface PlaceOrderDeps {
  ledger: ExecutionLedger;
  exchange: ExchangeClient;
  logger: Logger;
}

/**
 * Sends one order at most once. The order row is written as "sending" before the request leaves; a later
 * attempt that finds it in that state asks the exchange by client order id before sending again, because a
 * timed-out request may well have been executed.
 */
export async function placeOrder(
  input: {
    executionId: string | null;
    tradeId?: string | null;
    kind: OrderKind;
    /** Which one of its kind: a take-profit target's number, a stop's revision (Order.leg); 0 by default. */
    leg?: number;
    request: OrderRequest;
    /** The order's row if the caller already read it (null: none yet); undefined makes placeOrder look. */
    existing?: Order | null;
    /** The "sending" row was written by the caller (a trade's entry goes in with its trade). */
    recorded?: boolean;
    /** The caller records the answer itself (an entry records it with its trade's fill, in one statement). */
    callerRecords?: boolean;
  },
  deps: PlaceOrderDeps,
): Promise<OrderResult> {
  const { request } = input;
  const { ledger, exchange } = deps;
  const log = deps.logger;
  const ids = { clientOrderId: request.clientOrderId, kind: input.kind };

  const existing = input.existing !== undefined ? input.existing : await ledger.findOrder(request.clientOrderId);
  if (existing?.status === "open") {
    // A resting order (or a market order the venue had not filled yet): report its state now.
    const found = await exchange.findOrder(request.symbol, request.clientOrderId);
    if (found) {
      await ledger.recordOrder(request.clientOrderId, found);
      return found;
    }
  }
  if (existing && existing.status !== "sending") {
    if (existing.status === "rejected") {
      throw storedRejection(existing.error);
    }
    return {
      exchangeOrderId: existing.exchangeOrderId ?? "",
      clientOrderId: existing.clientOrderId,
      symbol: existing.symbol,
      side: existing.side as OrderResult["side"],
      status: existing.status,
      filledAmount: dec(existing.filledAmount ?? 0),
      avgPrice: existing.avgPrice ? dec(existing.avgPrice) : undefined,
    };
  }

  if (existing) {
    // A request sent moments ago may still be on its way: a look-up now could miss it and a second send
    // would double the order. Wait until the venue can no longer execute it, then look.
    const inFlightMs = exchange.inFlightMs ?? 0;
    const age = Date.now() - existing.updatedAt.getTime();
    if (age < inFlightMs) throw inFlight(inFlightMs - age);
    const found = await exchange.findOrder(request.symbol, request.clientOrderId);
    if (found) {
      log.info(
        { ...ids, status: found.status },
        "order from an uncertain attempt found at the exchange; not resending",
      );
      await ledger.recordOrder(request.clientOrderId, found);
      return found;
    }
    // The resend starts a new in-flight window; a concurrent attempt that got here too backs off.
    if (!(await ledger.claimResend(request.clientOrderId, existing.updatedAt))) throw inFlight(inFlightMs);
    log.info(ids, "order from an earlier attempt is not at the exchange; sending it again");
  } else if (!input.recorded) {
    const owned = await ledger.insertSending({
      executionId: input.executionId,
      tradeId: input.tradeId ?? null,
      kind: input.kind,
      leg: input.leg,
      clientOrderId: request.clientOrderId,
      symbol: request.symbol,
      side: request.side,
      type: request.type,
      reduceOnly: request.reduceOnly ?? false,
      requestedAmount: request.amount,
      // A limit's price goes in the same column: a re-send must ask for what the first send asked for.
      triggerPrice: request.triggerPrice ?? request.price,
    });
    if (!owned) throw inFlight(exchange.inFlightMs ?? 0);
  }

  const sentAt = Date.now();
  let answered = false;
  try {
    const result = await exchange.createOrder(request);
    answered = true;
    processMetrics().orderPlaced(exchange.exchangeId, (Date.now() - sentAt) / 1000, "ok");
    if (!input.callerRecords) await ledger.recordOrder(request.clientOrderId, result);
    log.debug({ ...ids, status: result.status }, "order placed");
    return result;
  } catch (err) {
    if (!answered) processMetrics().orderPlaced(exchange.exchangeId, (Date.now() - sentAt) / 1000, "error");
    // The venue already holds an open order with this id: an earlier attempt landed. Adopt it.
    if (isAppError(err, "CONFLICT")) {
      const found = await exchange.findOrder(request.symbol, request.clientOrderId);
      if (found) {
        await ledger.recordOrder(request.clientOrderId, found);
        return found;
      }
    }
    // A definite refusal is final; anything uncertain stays "sending" so the next attempt looks it up first.
    if (isAppError(err) && !err.retryable) {
      await ledger.rejectOrder(request.clientOrderId, `${err.code}: ${err.message}`);
    }
    // The next attempt could only wait for this request to become unable to land: ask for that delay now.
    if (isAppError(err, "EXCHANGE_UNCERTAIN")) {
      const wait = (exchange.inFlightMs ?? 0) - (Date.now() - sentAt);
      if (wait > (err.retryAfterMs ?? 0)) {
        throw new AppError(err.code, err.message, { details: err.details, retryAfterMs: wait });
      }
    }
    throw err;
  }
}

/** Retryable, and not before the other attempt's request can no longer land. */
function inFlight(retryAfterMs: number): AppError {
  return new AppError("EXCHANGE_UNCERTAIN", "another attempt's request for this order may still be in flight", {
    retryAfterMs: Math.max(1, retryAfterMs),
  });
}

/** Replays a recorded refusal with its original code, so a retried job fails the same way without a request. */
function storedRejection(stored: string | null): AppError {
  const match = /^([A-Z_]+): (.*)$/s.exec(stored ?? "");
  const code = match?.[1];
  if (match && code && code in errorCodes) return new AppError(code as ErrorCode, match[2] ?? "");
  return new AppError("ORDER_REJECTED", stored ?? "the exchange rejected this order");
}
