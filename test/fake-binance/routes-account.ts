import { binanceErrors } from "./binance-error.ts";
import { requireParam, requireSymbol } from "./order-params.ts";
import type { Route, RouteContext } from "./route.ts";
import { accountJson, balanceJson, positionJson } from "./serialize.ts";

function positionRisk(version: 2 | 3) {
  return (ctx: RouteContext) => {
    const { state, account, params, now } = ctx;
    if (params.symbol !== undefined && !state.symbols.has(params.symbol)) throw binanceErrors.badSymbol();
    const symbols = params.symbol !== undefined ? [params.symbol] : [...state.symbols.keys()];
    // v2 lists every symbol (zeros included); v3 only those with a position.
    const listed = version === 2 ? symbols : symbols.filter((s) => !(account.positions.get(s)?.amt.isZero() ?? true));
    return listed.map((s) => positionJson(state, account, s, version, now));
  };
}

export const accountRoutes: Record<string, Route> = {
  "GET /fapi/v2/account": { signed: true, handle: (ctx) => accountJson(ctx.state, ctx.account, ctx.now) },
  "GET /fapi/v3/account": { signed: true, handle: (ctx) => accountJson(ctx.state, ctx.account, ctx.now) },
  "GET /fapi/v2/balance": { signed: true, handle: (ctx) => [balanceJson(ctx.state, ctx.account, ctx.now)] },
  "GET /fapi/v3/balance": { signed: true, handle: (ctx) => [balanceJson(ctx.state, ctx.account, ctx.now)] },
  "GET /fapi/v2/positionRisk": { signed: true, handle: positionRisk(2) },
  "GET /fapi/v3/positionRisk": { signed: true, handle: positionRisk(3) },
  "POST /fapi/v1/leverage": {
    signed: true,
    handle: ({ state, account, params }) => {
      const spec = requireSymbol(state, params);
      const leverage = Number(requireParam(params, "leverage"));
      if (!Number.isInteger(leverage) || leverage < 1 || leverage > spec.maxLeverage) throw binanceErrors.badLeverage();
      account.leverage.set(spec.symbol, leverage);
      return { leverage, maxNotionalValue: "1000000", symbol: spec.symbol };
    },
  },
  "GET /fapi/v1/leverageBracket": {
    signed: true,
    handle: ({ state, params }) => {
      const symbols = params.symbol !== undefined ? [requireSymbol(state, params)] : [...state.symbols.values()];
      return symbols.map((s) => ({
        symbol: s.symbol,
        notionalCoef: 1,
        brackets: [
          {
            bracket: 1,
            initialLeverage: s.maxLeverage,
            notionalCap: 1_000_000,
            notionalFloor: 0,
            maintMarginRatio: 0.004,
            cum: 0,
          },
        ],
      }));
    },
  },
  "GET /fapi/v1/positionSide/dual": { signed: true, handle: () => ({ dualSidePosition: false }) },
};
