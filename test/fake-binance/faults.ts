// Fault injection for order creation (POST /fapi/v1/order and /fapi/v1/algoOrder), single-order look-ups
// (GET /fapi/v1/order and /fapi/v1/algoOrder), plus latency. Everything is off unless set.
// A rule is a probability (0..1), a declarative matcher (usable over the HTTP control API), or a predicate.

export interface OrderFaultContext {
  apiKey: string;
  clientOrderId: string;
  symbol: string;
  path: string;
  /**
   * 1 for the first create request carrying this client order id, 2 for its first retry, ... Look-up rules
   * count look-ups of the order instead (by origClientOrderId/clientAlgoId, or the id's order).
   */
  attempt: number;
}

/**
 * How a MARKET or IOC LIMIT order answers when `delayedFill` fires: "new-then-fill" NEW with nothing filled, all
 * of it filled `fillAfterMs` later; "partial-then-fill" PARTIALLY_FILLED, the rest later; "partial-then-expire"
 * PARTIALLY_FILLED, then EXPIRED with only that part filled; "expire" EXPIRED with nothing filled.
 */
export type DelayedFillMode = "new-then-fill" | "partial-then-fill" | "partial-then-expire" | "expire";
const DELAYED_FILL_MODES: readonly string[] = ["new-then-fill", "partial-then-fill", "partial-then-expire", "expire"];

/** "502" / "503": the gateway's HTML page; "-1001": 503 with {code: -1001, msg: "Internal error; ..."}. */
export type Lookup5xxMode = "502" | "503" | "-1001";

export interface FaultMatcher {
  probability?: number;
  /** Fires only for the first N attempts of each client order id (so a retry eventually succeeds). */
  firstAttempts?: number;
  clientOrderIds?: string[];
  apiKeys?: string[];
}

export type FaultRule = number | FaultMatcher | ((ctx: OrderFaultContext) => boolean);

export interface FaultConfig {
  /** The order IS recorded, then no reply is sent: the client times out not knowing the outcome. */
  timeoutAfterAccept?: FaultRule;
  /** "hold" keeps the socket silent (client-side timeout); "destroy" resets it (connection error). */
  timeoutMode?: "hold" | "destroy";
  /** 429 with Retry-After; the order is NOT recorded and the key is banned until Retry-After passes. */
  rateLimit429?: FaultRule;
  retryAfterSec?: number;
  /** 502 from the "gateway"; the order is NOT recorded. */
  badGateway502?: FaultRule;
  /** Added before answering every request. */
  latencyMs?: number;
  /**
   * Added before answering order creation only. Afterwards the matching engine checks the timestamp again:
   * older than recvWindow (default 5000) is refused with -5028 and the order is NOT recorded.
   */
  orderLatencyMs?: number;
  /** MARKET and IOC LIMIT orders on POST /fapi/v1/order that do not fill at once; see DelayedFillMode. */
  delayedFill?: FaultRule;
  /** Default "new-then-fill". */
  delayedFillMode?: DelayedFillMode;
  /** When the later fill or expiry happens (or at once on settlePending). Default 300. */
  fillAfterMs?: number;
  /** Share filled in the first answer of the partial modes, floored to the step size. Default 0.4. */
  partialFillFraction?: number;
  /** GET order / algoOrder: the socket is held (or destroyed, per timeoutMode) like timeoutAfterAccept. */
  lookupTimeout?: FaultRule;
  /** GET order / algoOrder: a 5xx answer, shaped per lookup5xxMode. */
  lookup5xx?: FaultRule;
  /** Default "502". */
  lookup5xxMode?: Lookup5xxMode;
  /**
   * For this many ms after an order (plain or algo) is accepted, GET of it answers -2013 "Order does not
   * exist." exactly as if it had never been placed: the answer that makes a client place it again.
   */
  staleLookupMs?: number;
  /** Which look-ups staleLookupMs applies to. Default: all. */
  staleLookup?: FaultRule;
}

export function fires(rule: FaultRule | undefined, ctx: OrderFaultContext): boolean {
  if (rule === undefined) return false;
  if (typeof rule === "number") return rule > 0 && Math.random() < rule;
  if (typeof rule === "function") return rule(ctx);
  if (rule.firstAttempts !== undefined && ctx.attempt > rule.firstAttempts) return false;
  if (rule.clientOrderIds && !rule.clientOrderIds.includes(ctx.clientOrderId)) return false;
  if (rule.apiKeys && !rule.apiKeys.includes(ctx.apiKey)) return false;
  const p = rule.probability ?? 1;
  return p >= 1 || Math.random() < p;
}

/** Only declarative rules survive JSON; anything else sent to /__control is dropped. */
export function faultsFromJson(raw: unknown): FaultConfig {
  if (typeof raw !== "object" || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const rule = (v: unknown): FaultRule | undefined =>
    typeof v === "number" ? v : typeof v === "object" && v !== null ? (v as FaultMatcher) : undefined;
  const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
  return {
    timeoutAfterAccept: rule(r.timeoutAfterAccept),
    timeoutMode: r.timeoutMode === "destroy" ? "destroy" : r.timeoutMode === "hold" ? "hold" : undefined,
    rateLimit429: rule(r.rateLimit429),
    retryAfterSec: num(r.retryAfterSec),
    badGateway502: rule(r.badGateway502),
    latencyMs: num(r.latencyMs),
    orderLatencyMs: num(r.orderLatencyMs),
    delayedFill: rule(r.delayedFill),
    delayedFillMode: DELAYED_FILL_MODES.includes(r.delayedFillMode as string)
      ? (r.delayedFillMode as DelayedFillMode)
      : undefined,
    fillAfterMs: num(r.fillAfterMs),
    partialFillFraction: num(r.partialFillFraction),
    lookupTimeout: rule(r.lookupTimeout),
    lookup5xx: rule(r.lookup5xx),
    lookup5xxMode: ["502", "503", "-1001"].includes(r.lookup5xxMode as string)
      ? (r.lookup5xxMode as Lookup5xxMode)
      : undefined,
    staleLookupMs: num(r.staleLookupMs),
    staleLookup: rule(r.staleLookup),
  };
}
