import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Decimal } from "../../core/platform/decimal.ts";
import { triggerAlgoOrders } from "./algo-orders.ts";
import { BinanceError } from "./binance-error.ts";
import { handleControl } from "./control-routes.ts";
import type { FaultConfig } from "./faults.ts";
import { handleApiRequest } from "./handle-request.ts";
import { readBody, sendJson } from "./http-io.ts";
import { checkLiquidations } from "./liquidation.ts";
import { dropPending, settleAll } from "./pending-fills.ts";
import { changePositionMode } from "./position-mode.ts";
import type { WeightLimitOptions } from "./request-weight.ts";
import { fillLimit, fillRestingLimits } from "./resting-limits.ts";
import type { RouteTable } from "./route.ts";
import { accountRoutes } from "./routes-account.ts";
import { algoRoutes } from "./routes-algo.ts";
import { apiRestrictionRoutes } from "./routes-api-restrictions.ts";
import { orderRoutes } from "./routes-orders.ts";
import { publicRoutes } from "./routes-public.ts";
import { tradeRoutes } from "./routes-trades.ts";
import { orderJson } from "./serialize.ts";
import { type FakeAccount, FakeBinanceState, type Violation } from "./state.ts";
import type { SymbolSpec } from "./symbols.ts";
import { type UserOrder, userCancel, userOrder } from "./user-actions.ts";

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
  /** Charged on every fill but a resting LIMIT's. Default "0.0005", Binance's VIP 0 taker rate. */
  takerFeeRate?: string;
  /** Charged when the price comes to a resting LIMIT order. Default "0.0002", Binance's VIP 0 maker rate. */
  makerFeeRate?: string;
  symbols?: SymbolSpec[];
  faults?: FaultConfig;
  /** How long a "timeoutAfterAccept" (or "lookupTimeout") socket is held before being destroyed. Default 60 s. */
  holdMs?: number;
  /**
   * Request weight per minute for the fake's one IP (all keys together), past which it answers 429 and then
   * 418 bans. Default undefined: counted and reported in X-MBX-USED-WEIGHT-1M, never enforced, so benchmarks
   * with 10,000 followers on one fake keep working. Binance's real limit is 2400.
   */
  ipWeightLimitPerMinute?: number;
  /** First 418 ban in seconds, doubling on each repeat. Default 120 as on Binance; tests use 1. */
  ipBanBaseSec?: number;
  /** Length of the weight window. Default 60,000. */
  ipWeightWindowMs?: number;
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
  /**
   * Moves last = mark: fills the resting LIMIT orders it reaches (at their price), fires the TP/SL it crosses, then
   * liquidates every account it takes under maintenance.
   */
  setPrice(symbol: string, price: string): void;
  /**
   * Fills `qty` (on the lot step, at most what is left) of one resting LIMIT order at its price, as a maker: found
   * by client id on the key's account, or on the one account holding it. Returns the order's JSON.
   */
  fillLimit(clientOrderId: string, qty: string, apiKey?: string): Record<string, unknown>;
  addKey(apiKey: string, secret?: string, balance?: string): void;
  revokeKey(apiKey: string): void;
  setBalance(apiKey: string, balance: string): void;
  setTakerFeeRate(rate: string): void;
  setMakerFeeRate(rate: string): void;
  setFaults(faults: FaultConfig): void;
  /** Fills or expires at once every market order the delayedFill fault left pending; returns how many. */
  settlePending(): number;
  /** Replaces the request-weight settings and starts a fresh window (bans lifted). */
  setWeightLimit(opts: WeightLimitOptions): void;
  /** Request weight used in the current window. */
  usedWeight(): number;
  /** A market order by the account's owner in the Binance app (client id android_...); returns its JSON. */
  userOrder(apiKey: string, order: UserOrder): Record<string, unknown>;
  /** The owner cancels an open order or algo order by client id in the app. */
  userCancel(apiKey: string, clientOrderId: string): "order" | "algo";
  /** Hedge mode (true) or one-way; refused like Binance while the account has positions or open orders. */
  setPositionMode(apiKey: string, hedge: boolean): void;
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
    takerFeeRate: opts.takerFeeRate ?? "0.0005",
    makerFeeRate: opts.makerFeeRate ?? "0.0002",
    symbols: opts.symbols,
  });
  state.weight.configure({
    limitPerMinute: opts.ipWeightLimitPerMinute,
    banBaseSec: opts.ipBanBaseSec,
    windowMs: opts.ipWeightWindowMs,
  });
  const routes: RouteTable = new Map(
    Object.entries({
      ...publicRoutes,
      ...accountRoutes,
      ...orderRoutes,
      ...algoRoutes,
      ...tradeRoutes,
      ...apiRestrictionRoutes,
    }),
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
        .catch((err: unknown) => {
          // Refusals of user orders and cancels carry Binance's own status and code.
          if (err instanceof BinanceError) return sendJson(res, err.httpStatus, { code: err.code, msg: err.message });
          sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
        });
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
      const previous = state.price(symbol);
      state.prices.set(symbol, new Decimal(price));
      const now = Date.now();
      // Resting limits (entries, DCA) and TP/SL first: they normally sit between the entry and the liquidation
      // price. Limits before stops, as a DCA order normally sits nearer the price than the stop does.
      fillRestingLimits(state, symbol, now);
      triggerAlgoOrders(state, symbol, now);
      checkLiquidations(state, symbol, previous, now);
    },
    fillLimit: (clientOrderId, qty, apiKey) => orderJson(state, fillLimit(state, clientOrderId, qty, apiKey)),
    addKey: (apiKey, secret, balance) => void state.addKey(apiKey, secret, balance),
    revokeKey: (apiKey) => state.revokeKey(apiKey),
    setBalance: (apiKey, balance) => state.setBalance(apiKey, balance),
    setTakerFeeRate(rate) {
      state.takerFeeRate = new Decimal(rate);
    },
    setMakerFeeRate(rate) {
      state.makerFeeRate = new Decimal(rate);
    },
    setFaults(next) {
      faults = next;
    },
    settlePending: () => settleAll(state),
    setWeightLimit: (weightOpts) => state.weight.configure(weightOpts),
    usedWeight: () => state.weight.usedWeight(),
    userOrder: (apiKey, order) => orderJson(state, userOrder(state, apiKey, order)),
    userCancel: (apiKey, clientOrderId) => userCancel(state, apiKey, clientOrderId),
    setPositionMode(apiKey, hedge) {
      const account = state.resolveKey(apiKey) ?? state.addKey(apiKey);
      changePositionMode(account, hedge);
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
      state.lookupAttemptsByClientOrderId.clear();
    },
    account: (apiKey) => state.accounts.get(apiKey),
    accountSummary(apiKey) {
      const a = state.accounts.get(apiKey);
      if (!a) return undefined;
      return {
        apiKey: a.apiKey,
        revoked: a.revoked,
        wallet: a.wallet.toFixed(),
        dualSidePosition: a.dualSidePosition,
        positions: Object.fromEntries(
          [...a.positions].map(([s, p]) => [s, { amt: p.amt.toFixed(), entry: p.entryPrice.toFixed() }]),
        ),
        orders: a.orders.size,
        algoOrders: a.algoOrders.size,
        trades: a.trades.length,
      };
    },
    close() {
      dropPending(state);
      for (const res of held) res.socket?.destroy();
      held.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
