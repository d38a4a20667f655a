import { binanceErrors } from "./binance-error.ts";
import { requireSymbol } from "./order-params.ts";
import { cancelOrder, placeOrder } from "./place-order.ts";
import type { Route, RouteContext } from "./route.ts";
import { orderJson } from "./serialize.ts";
import { type FakeOrder, isOpen } from "./state.ts";

/** By orderId or origClientOrderId, and only within the given symbol. */
function lookup(ctx: RouteContext, notFound: () => Error): FakeOrder {
  const spec = requireSymbol(ctx.state, ctx.params);
  const { orderId, origClientOrderId } = ctx.params;
  let order: FakeOrder | undefined;
  if (orderId !== undefined) order = ctx.account.orders.get(Number(orderId));
  else if (origClientOrderId !== undefined) order = ctx.account.ordersByClientId.get(origClientOrderId);
  else throw binanceErrors.missingParam("orderId");
  if (!order || order.symbol !== spec.symbol) throw notFound();
  if (ctx.hideAcceptedAfter !== undefined && order.time > ctx.hideAcceptedAfter) throw notFound();
  return order;
}

function openOrders(ctx: RouteContext): FakeOrder[] {
  const symbol = ctx.params.symbol;
  if (symbol !== undefined && !ctx.state.symbols.has(symbol)) throw binanceErrors.badSymbol();
  const result: FakeOrder[] = [];
  for (const o of ctx.account.orders.values()) {
    if (isOpen(o) && (symbol === undefined || o.symbol === symbol)) result.push(o);
  }
  return result;
}

export const orderRoutes: Record<string, Route> = {
  "POST /fapi/v1/order": {
    signed: true,
    createsOrder: true,
    handle: (ctx) =>
      orderJson(ctx.state, placeOrder(ctx.state, ctx.account, ctx.params, ctx.now, { delayedFill: ctx.delayedFill })),
  },
  "GET /fapi/v1/order": {
    signed: true,
    lookup: true,
    handle: (ctx) => orderJson(ctx.state, lookup(ctx, binanceErrors.orderNotFound)),
  },
  "DELETE /fapi/v1/order": {
    signed: true,
    handle: (ctx) => {
      const order = lookup(ctx, binanceErrors.unknownOrder);
      if (!isOpen(order)) throw binanceErrors.unknownOrder();
      cancelOrder(order, ctx.now);
      return orderJson(ctx.state, order);
    },
  },
  "GET /fapi/v1/openOrders": {
    signed: true,
    handle: (ctx) => openOrders(ctx).map((o) => orderJson(ctx.state, o)),
  },
  "DELETE /fapi/v1/allOpenOrders": {
    signed: true,
    handle: (ctx) => {
      requireSymbol(ctx.state, ctx.params);
      for (const o of openOrders(ctx)) cancelOrder(o, ctx.now);
      return { code: 200, msg: "The operation of cancel all open order is done." };
    },
  },
};
