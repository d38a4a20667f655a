import { cancelAlgoOrder, placeAlgoOrder } from "./algo-orders.ts";
import { binanceErrors } from "./binance-error.ts";
import { requireSymbol } from "./order-params.ts";
import type { Route, RouteContext } from "./route.ts";
import { algoOrderJson } from "./serialize.ts";
import type { FakeAlgoOrder } from "./state.ts";

// Binance documents no dedicated "algo order not found" code for this API; the regular order codes
// (-2013 on query, -2011 on cancel) are used so ccxt raises OrderNotFound as it does for plain orders.

function lookup(ctx: RouteContext, notFound: () => Error): FakeAlgoOrder {
  const { algoId, clientAlgoId, symbol } = ctx.params;
  let order: FakeAlgoOrder | undefined;
  if (algoId !== undefined) order = ctx.account.algoOrders.get(Number(algoId));
  else if (clientAlgoId !== undefined) order = ctx.account.algoByClientId.get(clientAlgoId);
  else throw binanceErrors.missingParam("algoId");
  if (!order || (symbol !== undefined && order.symbol !== symbol)) throw notFound();
  if (ctx.hideAcceptedAfter !== undefined && order.createTime > ctx.hideAcceptedAfter) throw notFound();
  return order;
}

function openAlgo(ctx: RouteContext): FakeAlgoOrder[] {
  const symbol = ctx.params.symbol;
  if (symbol !== undefined && !ctx.state.symbols.has(symbol)) throw binanceErrors.badSymbol();
  const result: FakeAlgoOrder[] = [];
  for (const o of ctx.account.algoOrders.values()) {
    if (o.algoStatus === "NEW" && (symbol === undefined || o.symbol === symbol)) result.push(o);
  }
  return result;
}

export const algoRoutes: Record<string, Route> = {
  "POST /fapi/v1/algoOrder": {
    signed: true,
    createsOrder: true,
    handle: (ctx) => algoOrderJson(ctx.state, placeAlgoOrder(ctx.state, ctx.account, ctx.params, ctx.now)),
  },
  "GET /fapi/v1/algoOrder": {
    signed: true,
    lookup: true,
    handle: (ctx) => algoOrderJson(ctx.state, lookup(ctx, binanceErrors.orderNotFound)),
  },
  "DELETE /fapi/v1/algoOrder": {
    signed: true,
    handle: (ctx) => {
      const order = lookup(ctx, binanceErrors.unknownOrder);
      if (order.algoStatus !== "NEW") throw binanceErrors.unknownOrder();
      cancelAlgoOrder(ctx.state, ctx.account, order, ctx.now);
      return { algoId: order.algoId, clientAlgoId: order.clientAlgoId, code: "200", msg: "success" };
    },
  },
  "GET /fapi/v1/openAlgoOrders": {
    signed: true,
    handle: (ctx) => openAlgo(ctx).map((o) => algoOrderJson(ctx.state, o)),
  },
  "DELETE /fapi/v1/algoOpenOrders": {
    signed: true,
    handle: (ctx) => {
      requireSymbol(ctx.state, ctx.params);
      for (const o of openAlgo(ctx)) cancelAlgoOrder(ctx.state, ctx.account, o, ctx.now);
      return { code: 200, msg: "The operation of cancel all open order is done." };
    },
  },
};
