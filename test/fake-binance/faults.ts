// Fault injection for order creation (POST /fapi/v1/order and /fapi/v1/algoOrder), plus latency.
// A rule is a probability (0..1), a declarative matcher (usable over the HTTP control API), or a predicate.

export interface OrderFaultContext {
  apiKey: string;
  clientOrderId: string;
  symbol: string;
  path: string;
  /** 1 for the first create request carrying this client order id, 2 for its first retry, ... */
  attempt: number;
}

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
  /** Added before answering order creation only. */
  orderLatencyMs?: number;
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
  };
}
