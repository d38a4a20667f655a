import type { ServerResponse } from "node:http";
import { binanceErrors } from "./binance-error.ts";
import { type FaultConfig, fires, type Lookup5xxMode, type OrderFaultContext } from "./faults.ts";
import { sendJson, sendText } from "./http-io.ts";
import type { Params } from "./order-params.ts";
import type { FakeAccount, FakeBinanceState } from "./state.ts";

// Faults of GET /fapi/v1/order and /fapi/v1/algoOrder: the look-up a client makes after an uncertain create
// to learn whether its order exists. A wrong "no" there (stale replica, 5xx read as "absent") is what doubles
// orders, so these are the answers a careful client must survive.

export type LookupOutcome =
  | { kind: "timeout" }
  | { kind: "5xx"; mode: Lookup5xxMode }
  | { kind: "answer"; hideAcceptedAfter?: number };

/** Keyed like create faults: the client id asked for, or that of the order the numeric id points to. */
export function lookupContext(
  state: FakeBinanceState,
  account: FakeAccount,
  params: Params,
  path: string,
): OrderFaultContext {
  let clientOrderId = params.origClientOrderId ?? params.clientAlgoId;
  if (clientOrderId === undefined && params.orderId !== undefined) {
    clientOrderId = account.orders.get(Number(params.orderId))?.clientOrderId;
  }
  if (clientOrderId === undefined && params.algoId !== undefined) {
    clientOrderId = account.algoOrders.get(Number(params.algoId))?.clientAlgoId;
  }
  const id = clientOrderId ?? "";
  return {
    apiKey: account.apiKey,
    clientOrderId: id,
    symbol: params.symbol ?? "",
    path,
    attempt: id ? state.countLookup(id) : 1,
  };
}

export function lookupOutcome(faults: FaultConfig, ctx: OrderFaultContext, now: number): LookupOutcome {
  if (fires(faults.lookupTimeout, ctx)) return { kind: "timeout" };
  if (fires(faults.lookup5xx, ctx)) return { kind: "5xx", mode: faults.lookup5xxMode ?? "502" };
  const stale =
    faults.staleLookupMs !== undefined && (faults.staleLookup === undefined || fires(faults.staleLookup, ctx));
  return { kind: "answer", hideAcceptedAfter: stale ? now - (faults.staleLookupMs as number) : undefined };
}

export function send5xx(res: ServerResponse, mode: Lookup5xxMode, headers: Record<string, string>): void {
  if (mode === "-1001") {
    const err = binanceErrors.internalError();
    sendJson(res, err.httpStatus, { code: err.code, msg: err.message }, headers);
    return;
  }
  const title = mode === "502" ? "502 Bad Gateway" : "503 Service Temporarily Unavailable";
  sendText(res, Number(mode), `<html><head><title>${title}</title></head><body>${title}</body></html>`, headers);
}
