import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Decimal } from "../../core/platform/decimal.ts";
import { triggerAlgoOrders } from "./algo-orders.ts";
import { handleControl } from "./control-routes.ts";
import type { FaultConfig } from "./faults.ts";
import { handleApiRequest } from "./handle-request.ts";
import { readBody, sendJson } from "./http-io.ts";
import type { RouteTable } from "./route.ts";
import { accountRoutes } from "./routes-account.ts";
import { algoRoutes } from "./routes-algo.ts";
import { apiRestrictionRoutes } from "./routes-api-restrictions.ts";
import { orderRoutes } from "./routes-orders.ts";
import { publicRoutes } from "./routes-public.ts";
import { type FakeAccount, FakeBinanceState, type Violation } from "./state.ts";
import type { SymbolSpec } from "./symbols.ts";

/**
 * A local Binance USDⓈ-M futures REST fake that the real ccxt `binanceusdm` client talks to once its
 * urls.api entries point at `url`. State is per API key. Keys: registered ones (addKey / POST /__control/keys)
 * sign with their own secret; any other key is auto-registered on its first request signed with the secret
 * `secret-<apiKey>` (FakeBinanceState.impliedSecret), starting with `startingBalance` USDT.
 */
export interface FakeBinanceOptions {
  port?: number;
  host?: string;
  /** USDT wallet balance of every new key. Default "10000". */
  startingBalance?: string;
  /** Accept unknown keys signed with `secret-<apiKey>`. Default true. */
  autoRegisterKeys?: boolean;
  takerFeeRate?: string;
  symbols?: SymbolSpec[];
  faults?: FaultConfig;
  /** How long a "timeoutAfterAccept" socket is held before being destroyed. Default 60 s. */
  holdMs?: number;
}

export interface FakeStats {
  totalRequests: number;
  acceptedOrders: number;
  createsInFlight: number;
  violations: number;
  duplicateCreates: number;
  firstOrderAt: number | null;
  lastOrderAt: number | null;
  ordersPer50ms: number[];
}

export interface FakeBinance {
  readonly url: string;
  readonly port: number;
  readonly state: FakeBinanceState;
  setPrice(symbol: string, price: string): void;
  addKey(apiKey: string, secret?: string, balance?: string): void;
  revokeKey(apiKey: string): void;
  setBalance(apiKey: string, balance: string): void;
  setFaults(faults: FaultConfig): void;
  /** Accepted creates carrying this client order id (regular and algo). */
  creates(clientOrderId: string): number;
  /** Client order ids accepted more than once: must stay empty for exactly-once delivery. */
  duplicateCreates(): Array<{ clientOrderId: string; accepted: number }>;
  violations(): Violation[];
  stats(): FakeStats;
  resetCounters(): void;
  account(apiKey: string): FakeAccount | undefined;
  accountSummary(apiKey: string): Record<string, unknown> | undefined;
  close(): Promise<void>;
}

export async function startFakeBinance(opts: FakeBinanceOptions = {}): Promise<FakeBinance> {
  const state = new FakeBinanceState({
    startingBalance: opts.startingBalance ?? "10000",
    autoRegisterKeys: opts.autoRegisterKeys ?? true,
    takerFeeRate: opts.takerFeeRate ?? "0",
    symbols: opts.symbols,
  });
  const routes: RouteTable = new Map(
    Object.entries({ ...publicRoutes, ...accountRoutes, ...orderRoutes, ...algoRoutes, ...apiRestrictionRoutes }),
  );
  let faults: FaultConfig = opts.faults ?? {};
  const held = new Set<ServerResponse>();
  const holdMs = opts.holdMs ?? 60_000;

  const hold = (res: ServerResponse) => {
    held.add(res);
    const timer = setTimeout(() => {
      held.delete(res);
      res.socket?.destroy();
    }, holdMs);
    timer.unref();
    res.on("close", () => {
      clearTimeout(timer);
      held.delete(res);
    });
  };

  const server = createServer((req, res) => {
    state.totalRequests += 1;
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = q < 0 ? "" : rawUrl.slice(q + 1);
    if (path.startsWith("/__control/")) {
      void readBody(req)
        .then((body) => {
          const reply = handleControl(fake, req.method ?? "GET", path, new URLSearchParams(query), body);
          sendJson(res, reply.status, reply.body);
        })
        .catch((err: unknown) => sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) }));
      return;
    }
    void handleApiRequest({ state, routes, faults: () => faults, hold }, req, res, path, query).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { code: -1000, msg: "fake internal error" });
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const fake: FakeBinance = {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    setPrice(symbol, price) {
      if (!state.symbols.has(symbol)) throw new Error(`unknown symbol ${symbol}`);
      state.prices.set(symbol, new Decimal(price));
      triggerAlgoOrders(state, symbol, Date.now());
    },
    addKey: (apiKey, secret, balance) => void state.addKey(apiKey, secret, balance),
    revokeKey: (apiKey) => state.revokeKey(apiKey),
    setBalance: (apiKey, balance) => state.setBalance(apiKey, balance),
    setFaults(next) {
      faults = next;
    },
    creates: (clientOrderId) => state.createsByClientOrderId.get(clientOrderId) ?? 0,
    duplicateCreates: () =>
      [...state.createsByClientOrderId]
        .filter(([, n]) => n > 1)
        .map(([clientOrderId, accepted]) => ({ clientOrderId, accepted })),
    violations: () => [...state.violations],
    stats: () => ({
      totalRequests: state.totalRequests,
      acceptedOrders: state.acceptedOrders,
      createsInFlight: state.createsInFlight,
      violations: state.violations.length,
      duplicateCreates: [...state.createsByClientOrderId.values()].filter((n) => n > 1).length,
      firstOrderAt: state.firstOrderAt,
      lastOrderAt: state.lastOrderAt,
      ordersPer50ms: [...state.ordersPer50ms],
    }),
    resetCounters() {
      state.totalRequests = 0;
      state.acceptedOrders = 0;
      state.firstOrderAt = null;
      state.lastOrderAt = null;
      state.ordersPer50ms.length = 0;
      state.violations.length = 0;
      state.createsByClientOrderId.clear();
      state.createAttemptsByClientOrderId.clear();
    },
    account: (apiKey) => state.accounts.get(apiKey),
    accountSummary(apiKey) {
      const a = state.accounts.get(apiKey);
      if (!a) return undefined;
      return {
        apiKey: a.apiKey,
        revoked: a.revoked,
        wallet: a.wallet.toFixed(),
        positions: Object.fromEntries(
          [...a.positions].map(([s, p]) => [s, { amt: p.amt.toFixed(), entry: p.entryPrice.toFixed() }]),
        ),
        orders: a.orders.size,
        algoOrders: a.algoOrders.size,
      };
    },
    close() {
      for (const res of held) res.socket?.destroy();
      held.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
