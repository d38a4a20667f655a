import { cancelOpenOrder } from "./bybit-cancel.ts";
import { orderJson } from "./bybit-json.ts";
import { page, timeWindow } from "./bybit-lists.ts";
import { orderInputFrom, placeOrder } from "./bybit-place.ts";
import { type BybitParams, type RouteTable, signed, str } from "./bybit-route.ts";
import { type BybitAccount, BybitError, type BybitOrder, type FakeBybitState, isOpen } from "./bybit-state.ts";

// Orders: create, the real-time book, history, cancel. Lists filter by orderId > orderLinkId > symbol /
// baseCoin / settleCoin (Bybit's priority) and come newest first.

const DAY = 24 * 3600 * 1000;

function requireCategory(p: BybitParams): void {
  if (p.category !== "linear") throw new BybitError(10001, "params error: category only support linear in the fake");
}

/** Linear lists and cancel-all need a symbol, baseCoin or settleCoin unless an order id narrows them. */
function requireScope(p: BybitParams, byId: boolean): void {
  if (!byId && !str(p.symbol) && !str(p.baseCoin) && !str(p.settleCoin)) {
    throw new BybitError(10001, "Missing some parameters that must be filled in, symbol or settleCoin or baseCoin");
  }
}

function matches(state: FakeBybitState, o: BybitOrder, p: BybitParams): boolean {
  // Conditional orders are "StopOrder" for good; "Order" is every other one. No filter: both.
  if (p.orderFilter === "StopOrder" && o.stopOrderType !== "Stop") return false;
  if (p.orderFilter === "Order" && o.stopOrderType === "Stop") return false;
  const orderId = str(p.orderId);
  if (orderId) return o.orderId === orderId;
  const link = str(p.orderLinkId);
  if (link) return o.orderLinkId === link;
  if (str(p.symbol) && o.symbol !== p.symbol) return false;
  if (str(p.baseCoin) && state.instrument(o.symbol).base !== p.baseCoin) return false;
  return !str(p.settleCoin) || p.settleCoin === "USDT";
}

const newestFirst = (x: BybitOrder, y: BybitOrder) => y.createdTime - x.createdTime || (y.orderId > x.orderId ? 1 : -1);

function realtime(state: FakeBybitState, a: BybitAccount, p: BybitParams): unknown {
  requireCategory(p);
  const byId = Boolean(str(p.orderId) || str(p.orderLinkId));
  requireScope(p, byId);
  // By id the order is found whatever its status; otherwise openOnly=1 lists the finished ones instead.
  const wantOpen = str(p.openOnly) !== "1";
  const list = [...a.orders.values()]
    .filter((o) => matches(state, o, p) && (byId || isOpen(o) === wantOpen))
    .sort(newestFirst);
  const { list: shown, nextPageCursor } = page(list, p, { fallback: 20, max: 50 });
  return { category: "linear", nextPageCursor, list: shown.map((o) => orderJson(state, o)) };
}

function history(state: FakeBybitState, a: BybitAccount, p: BybitParams): unknown {
  requireCategory(p);
  const { start, end } = timeWindow(p);
  const now = Date.now();
  const list = [...a.orders.values()]
    .filter((o) => !isOpen(o) && matches(state, o, p) && o.createdTime >= start && o.createdTime <= end)
    .filter((o) => !str(p.orderStatus) || o.orderStatus === p.orderStatus)
    // Orders that ended with no fill are kept for a day only.
    .filter((o) => o.cumExecQty.gt(0) || now - o.updatedTime < DAY)
    .sort(newestFirst);
  const { list: shown, nextPageCursor } = page(list, p, { fallback: 20, max: 50 });
  return { category: "linear", nextPageCursor, list: shown.map((o) => orderJson(state, o)) };
}

function findForCancel(a: BybitAccount, p: BybitParams): BybitOrder | undefined {
  const orderId = str(p.orderId);
  const link = str(p.orderLinkId);
  if (!orderId && !link) throw new BybitError(10001, "params error: orderId or orderLinkId is required");
  const o = orderId ? [...a.orders.values()].find((x) => x.orderId === orderId) : a.orders.get(link ?? "");
  return o && o.symbol === str(p.symbol) ? o : undefined;
}

export const orderRoutes: RouteTable = {
  "POST /v5/order/create": signed((state, a, p) => {
    requireCategory(p);
    const o = placeOrder(state, a, orderInputFrom(p));
    return { orderId: o.orderId, orderLinkId: o.orderLinkId };
  }),
  "GET /v5/order/realtime": signed(realtime),
  "GET /v5/order/history": signed(history),
  "POST /v5/order/cancel": signed((state, a, p) => {
    requireCategory(p);
    const o = findForCancel(a, p);
    if (!o || !cancelOpenOrder(state, o)) throw new BybitError(110001, "order not exists or too late to cancel");
    return { orderId: o.orderId, orderLinkId: o.orderLinkId };
  }),
  "POST /v5/order/cancel-all": signed((state, a, p) => {
    requireCategory(p);
    requireScope(p, false);
    const list = [];
    for (const o of a.orders.values()) {
      if (!matches(state, o, { ...p, orderId: undefined, orderLinkId: undefined })) continue;
      if (cancelOpenOrder(state, o)) list.push({ orderId: o.orderId, orderLinkId: o.orderLinkId });
    }
    return { list, success: "1" };
  }),
};
