import { binanceErrors } from "./binance-error.ts";
import { type Params, requireSymbol } from "./order-params.ts";
import type { Route } from "./route.ts";
import { orderJson } from "./serialize.ts";
import type { FakeOrder } from "./state.ts";
import { type FakeTrade, tradeJson } from "./user-trades.ts";

// The account's history: its trades, every order it placed (or had placed for it), and its liquidations.
// Binance pages them alike: a cursor id (from that id up), or a time window of at most 7 days (by default the
// last 7), from which startTime takes the oldest `limit` and anything else the newest, always ascending.

const WEEK_MS = 7 * 24 * 3600 * 1000;

interface Paging<T> {
  cursor?: number;
  id(item: T): number;
  time(item: T): number;
  defaultLimit: number;
  maxLimit: number;
}

function optInt(p: Params, name: string): number | undefined {
  const raw = p[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw binanceErrors.badParam(name);
  return n;
}

function page<T>(items: Iterable<T>, p: Params, now: number, paging: Paging<T>): T[] {
  const limit = optInt(p, "limit") ?? paging.defaultLimit;
  if (limit < 1 || limit > paging.maxLimit) throw binanceErrors.badParam("limit");
  const start = optInt(p, "startTime");
  const end = optInt(p, "endTime");
  const sorted = [...items].sort((a, b) => paging.id(a) - paging.id(b));
  const { cursor } = paging;
  if (cursor !== undefined) {
    const after = sorted.filter(
      (t) => paging.id(t) >= cursor && paging.time(t) >= (start ?? 0) && paging.time(t) <= (end ?? now),
    );
    return after.slice(0, limit);
  }
  const to = end ?? (start !== undefined ? start + WEEK_MS : now);
  const from = start ?? to - WEEK_MS;
  if (to - from > WEEK_MS) throw binanceErrors.intervalTooLong();
  const inWindow = sorted.filter((t) => paging.time(t) >= from && paging.time(t) <= to);
  return start !== undefined ? inWindow.slice(0, limit) : inWindow.slice(-limit);
}

export const tradeRoutes: Record<string, Route> = {
  "GET /fapi/v1/userTrades": {
    signed: true,
    handle: ({ state, account, params, now }) => {
      const spec = requireSymbol(state, params);
      const fromId = optInt(params, "fromId");
      if (fromId !== undefined && (params.startTime !== undefined || params.endTime !== undefined)) {
        throw binanceErrors.badCombination();
      }
      const orderId = optInt(params, "orderId");
      const trades = account.trades.filter(
        (t) => t.symbol === spec.symbol && (orderId === undefined || t.orderId === orderId),
      );
      const paging: Paging<FakeTrade> = {
        cursor: fromId,
        id: (t) => t.id,
        time: (t) => t.time,
        defaultLimit: 500,
        maxLimit: 1000,
      };
      return page(trades, params, now, paging).map((t) => tradeJson(state, t));
    },
  },
  "GET /fapi/v1/allOrders": {
    signed: true,
    handle: ({ state, account, params, now }) => {
      const spec = requireSymbol(state, params);
      const orders = [...account.orders.values()].filter((o) => o.symbol === spec.symbol);
      const paging: Paging<FakeOrder> = {
        cursor: optInt(params, "orderId"),
        id: (o) => o.orderId,
        time: (o) => o.time,
        defaultLimit: 500,
        maxLimit: 1000,
      };
      return page(orders, params, now, paging).map((o) => orderJson(state, o));
    },
  },
  "GET /fapi/v1/forceOrders": {
    signed: true,
    handle: ({ state, account, params, now }) => {
      const symbol = params.symbol !== undefined ? requireSymbol(state, params).symbol : undefined;
      const type = params.autoCloseType;
      if (type !== undefined && type !== "LIQUIDATION" && type !== "ADL") throw binanceErrors.badParam("autoCloseType");
      // The fake never deleverages anyone, so ADL asks for nothing that exists.
      const orders = [...account.orders.values()].filter(
        (o) =>
          o.autoCloseType !== undefined &&
          (type === undefined || o.autoCloseType === type) &&
          (symbol === undefined || o.symbol === symbol),
      );
      const paging: Paging<FakeOrder> = {
        id: (o) => o.orderId,
        time: (o) => o.time,
        defaultLimit: 50,
        maxLimit: 100,
      };
      return page(orders, params, now, paging).map((o) => orderJson(state, o));
    },
  },
};
