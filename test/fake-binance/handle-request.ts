import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate, recvWindowOf } from "./authenticate.ts";
import { BinanceError, binanceErrors } from "./binance-error.ts";
import { type FaultConfig, fires, type OrderFaultContext } from "./faults.ts";
import { parseForm, readBody, sendJson, sendText, sleep } from "./http-io.ts";
import { lookupContext, lookupOutcome, send5xx } from "./lookup-faults.ts";
import type { Params } from "./order-params.ts";
import { planDelayedFill } from "./pending-fills.ts";
import { countOrder } from "./request-weight.ts";
import { type Route, type RouteContext, type RouteTable, routeKey } from "./route.ts";
import type { FakeAccount, FakeBinanceState } from "./state.ts";

export interface HandlerDeps {
  state: FakeBinanceState;
  routes: RouteTable;
  faults: () => FaultConfig;
  /** Sockets deliberately left unanswered; closed with the server. */
  hold: (res: ServerResponse) => void;
}

type Headers = Record<string, string>;

/** One fapi request: weigh, route, authenticate, apply faults, answer in Binance's shapes. */
export async function handleApiRequest(
  deps: HandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: string,
): Promise<void> {
  const { state } = deps;
  const method = req.method ?? "GET";
  const key = routeKey(method, path);
  const route = deps.routes.get(key);
  const body = method === "GET" ? "" : await readBody(req);
  const faults = deps.faults();
  if (faults.latencyMs) await sleep(faults.latencyMs);
  const params: Params = {};
  parseForm(query, params);
  parseForm(body, params);
  const now = Date.now();
  // The gateway weighs every request, unknown or unauthenticated ones included, before anything else.
  const gate = state.weight.admit(key, params, now);
  const headers: Headers = gate.headers;
  if (gate.refusal) {
    return sendError(res, gate.refusal.error, { ...headers, ...retryAfterHeader(gate.refusal.retryAfterMs) });
  }
  if (!route) return sendError(res, binanceErrors.notFound(`${method} ${path}`), headers);
  try {
    let account: FakeAccount | undefined;
    if (route.signed) {
      account = authenticate(state, header(req, "x-mbx-apikey"), query, body, params, now);
      if (now < account.retryAfterUntil) {
        state.violations.push({ apiKey: account.apiKey, path, at: now, retryAfterUntil: account.retryAfterUntil });
        const wait = retryAfterHeader(account.retryAfterUntil - now);
        return sendError(res, binanceErrors.tooManyRequests(), { ...headers, ...wait });
      }
    }
    // Unsigned routes never read `account`; the cast keeps RouteContext simple for the signed ones.
    const ctx: RouteContext = { state, params, account: account as FakeAccount, now };
    if (route.createsOrder && account) return await createOrder(deps, res, route, ctx, path, headers);
    if (route.lookup && account) {
      const outcome = lookupOutcome(faults, lookupContext(state, account, params, path), now);
      if (outcome.kind === "timeout") return leaveUnanswered(deps, res);
      if (outcome.kind === "5xx") return send5xx(res, outcome.mode, headers);
      ctx.hideAcceptedAfter = outcome.hideAcceptedAfter;
    }
    sendJson(res, 200, route.handle(ctx), headers);
  } catch (err) {
    if (err instanceof BinanceError) return sendError(res, err, headers);
    sendJson(res, 500, { code: -1000, msg: err instanceof Error ? err.message : String(err) }, headers);
  }
}

/** POST order / algoOrder: order latency, create faults, then the matching engine. */
async function createOrder(
  deps: HandlerDeps,
  res: ServerResponse,
  route: Route,
  ctx: RouteContext,
  path: string,
  headers: Headers,
): Promise<void> {
  const { state, params, account } = ctx;
  const faults = deps.faults();
  Object.assign(headers, countOrder(account.orderCounts, ctx.now));
  const fault: OrderFaultContext = {
    apiKey: account.apiKey,
    clientOrderId: params.newClientOrderId ?? params.clientAlgoId ?? "",
    symbol: params.symbol ?? "",
    path,
    attempt: 0,
  };
  fault.attempt = fault.clientOrderId ? state.countAttempt(fault.clientOrderId) : 1;
  if (faults.orderLatencyMs) {
    state.createsInFlight += 1;
    try {
      await sleep(faults.orderLatencyMs);
    } finally {
      state.createsInFlight -= 1;
    }
    ctx.now = Date.now();
  }
  if (fires(faults.rateLimit429, fault)) {
    const retryMs = (faults.retryAfterSec ?? 1) * 1000;
    account.retryAfterUntil = Date.now() + retryMs;
    return sendError(res, binanceErrors.tooManyRequests(), { ...headers, ...retryAfterHeader(retryMs) });
  }
  if (fires(faults.badGateway502, fault)) {
    return sendText(res, 502, "<html><head><title>502 Bad Gateway</title></head><body>502</body></html>", headers);
  }
  // A request that queued past its recvWindow is refused when it reaches the matching engine.
  if (ctx.now - Number(params.timestamp) > recvWindowOf(params)) throw binanceErrors.meRecvWindow();
  if (path === "/fapi/v1/order" && fires(faults.delayedFill, fault)) ctx.delayedFill = planDelayedFill(faults);
  if (fires(faults.timeoutAfterAccept, fault)) {
    route.handle(ctx);
    return leaveUnanswered(deps, res);
  }
  sendJson(res, 200, route.handle(ctx), headers);
}

/** "hold" keeps the socket silent (the client times out); "destroy" resets it (a connection error). */
function leaveUnanswered(deps: HandlerDeps, res: ServerResponse): void {
  if (deps.faults().timeoutMode === "destroy") res.socket?.destroy();
  else deps.hold(res);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function retryAfterHeader(ms: number): Headers {
  return { "Retry-After": String(Math.max(1, Math.ceil(ms / 1000))) };
}

function sendError(res: ServerResponse, err: BinanceError, headers: Headers = {}): void {
  sendJson(res, err.httpStatus, { code: err.code, msg: err.message }, headers);
}
