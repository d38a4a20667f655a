import { closedPnlJson, executionJson } from "./bybit-json.ts";
import { page, timeWindow } from "./bybit-lists.ts";
import { type BybitParams, type RouteTable, signed, str } from "./bybit-route.ts";
import { type BybitAccount, BybitError, type FakeBybitState } from "./bybit-state.ts";

// Every fill (GET /v5/execution/list) and every closing order's result (GET /v5/position/closed-pnl).
// The execution list answers all exec types unless execType narrows it; ccxt's fetchMyTrades asks for
// execType=Trade by default, so a liquidation (BustTrade) is only seen by asking without it or for it.

function requireLinear(p: BybitParams): void {
  if (p.category !== "linear") throw new BybitError(10001, "params error: category only support linear in the fake");
}

function executions(state: FakeBybitState, a: BybitAccount, p: BybitParams): unknown {
  requireLinear(p);
  const { start, end } = timeWindow(p);
  const orderId = str(p.orderId);
  const link = str(p.orderLinkId);
  const list = a.executions
    .filter((e) => {
      if (orderId) return e.orderId === orderId;
      if (link) return e.orderLinkId === link;
      if (str(p.symbol) && e.symbol !== p.symbol) return false;
      if (str(p.baseCoin) && state.instrument(e.symbol).base !== p.baseCoin) return false;
      if (str(p.execType) && e.execType !== p.execType) return false;
      return e.execTime >= start && e.execTime <= end;
    })
    .sort((x, y) => y.execTime - x.execTime || y.seq - x.seq);
  const { list: shown, nextPageCursor } = page(list, p, { fallback: 50, max: 100 });
  return { category: "linear", nextPageCursor, list: shown.map((e) => executionJson(state, e)) };
}

function closedPnl(state: FakeBybitState, a: BybitAccount, p: BybitParams): unknown {
  requireLinear(p);
  const { start, end } = timeWindow(p);
  // Reversed first: the sort is stable, so records of the same millisecond also come newest first.
  const list = [...a.closedPnl]
    .reverse()
    .filter((r) => (!str(p.symbol) || r.symbol === p.symbol) && r.updatedTime >= start && r.updatedTime <= end)
    .sort((x, y) => y.updatedTime - x.updatedTime);
  const { list: shown, nextPageCursor } = page(list, p, { fallback: 50, max: 100 });
  return { category: "linear", nextPageCursor, list: shown.map((r) => closedPnlJson(state, r)) };
}

export const historyRoutes: RouteTable = {
  "GET /v5/execution/list": signed(executions),
  "GET /v5/position/closed-pnl": signed(closedPnl),
};
