import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "./authenticate.ts";
import { BinanceError, binanceErrors } from "./binance-error.ts";
import { type FaultConfig, fires, type OrderFaultContext } from "./faults.ts";
import { parseForm, readBody, sendJson, sendText, sleep } from "./http-io.ts";
import type { Params } from "./order-params.ts";
import { type RouteTable, routeKey } from "./route.ts";
import type { FakeAccount, FakeBinanceState } from "./state.ts";

export interface HandlerDeps {
  state: FakeBinanceState;
  routes: RouteTable;
  faults: () => FaultConfig;
  /** Sockets deliberately left unanswered; closed with the server. */
  hold: (res: ServerResponse) => void;
}

/** One fapi request: route, authenticate, apply order-creation faults, answer in Binance's shapes. */
export async function handleApiRequest(
  deps: HandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: string,
): Promise<void> {
  const { state } = deps;
  const method = req.method ?? "GET";
  const route = deps.routes.get(routeKey(method, path));
  const body = method === "GET" ? "" : await readBody(req);
  const faults = deps.faults();
  if (faults.latencyMs) await sleep(faults.latencyMs);
  if (!route) return sendError(res, binanceErrors.notFound(`${method} ${path}`));
  const params: Params = {};
  parseForm(query, params);
  parseForm(body, params);
  const now = Date.now();
  let account: FakeAccount | undefined;
  try {
    if (route.signed) {
      account = authenticate(state, header(req, "x-mbx-apikey"), query, body, params, now);
      if (now < account.retryAfterUntil) {
        state.violations.push({ apiKey: account.apiKey, path, at: now, retryAfterUntil: account.retryAfterUntil });
        return sendError(res, binanceErrors.tooManyRequests(), retryAfterHeader(account.retryAfterUntil - now));
      }
    }
    if (route.createsOrder && account) {
      const ctx: OrderFaultContext = {
        apiKey: account.apiKey,
        clientOrderId: params.newClientOrderId ?? params.clientAlgoId ?? "",
        symbol: params.symbol ?? "",
        path,
        attempt: 0,
      };
      ctx.attempt = ctx.clientOrderId ? state.countAttempt(ctx.clientOrderId) : 1;
      if (faults.orderLatencyMs) {
        state.createsInFlight += 1;
        try {
          await sleep(faults.orderLatencyMs);
        } finally {
          state.createsInFlight -= 1;
        }
      }
      if (fires(faults.rateLimit429, ctx)) {
        const retryMs = (faults.retryAfterSec ?? 1) * 1000;
        account.retryAfterUntil = Date.now() + retryMs;
        return sendError(res, binanceErrors.tooManyRequests(), retryAfterHeader(retryMs));
      }
      if (fires(faults.badGateway502, ctx)) {
        return sendText(res, 502, "<html><head><title>502 Bad Gateway</title></head><body>502</body></html>");
      }
      if (fires(faults.timeoutAfterAccept, ctx)) {
        route.handle({ state, params, account, now });
        if (faults.timeoutMode === "destroy") res.socket?.destroy();
        else deps.hold(res);
        return;
      }
    }
    // Unsigned routes never read `account`; the cast keeps RouteContext simple for the signed ones.
    sendJson(res, 200, route.handle({ state, params, account: account as FakeAccount, now }));
  } catch (err) {
    if (err instanceof BinanceError) return sendError(res, err);
    sendJson(res, 500, { code: -1000, msg: err instanceof Error ? err.message : String(err) });
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function retryAfterHeader(ms: number): Record<string, string> {
  return { "Retry-After": String(Math.max(1, Math.ceil(ms / 1000))) };
}

function sendError(res: ServerResponse, err: BinanceError, headers: Record<string, string> = {}): void {
  sendJson(res, err.httpStatus, { code: err.code, msg: err.message }, headers);
}
