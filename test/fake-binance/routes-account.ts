import { MAINT_MARGIN_RATE } from "./account-math.ts";
import { binanceErrors } from "./binance-error.ts";
import { isTrue, requireParam, requireSymbol } from "./order-params.ts";
import { changePositionMode } from "./position-mode.ts";
import type { Route, RouteContext } from "./route.ts";
import { accountJson, balanceJson, positionJson } from "./serialize.ts";
import { type PositionSide, positionKey } from "./state.ts";

function positionRisk(version: 2 | 3) {
  return (ctx: RouteContext) => {
    const { state, account, params, now } = ctx;
    if (params.symbol !== undefined && !state.symbols.has(params.symbol)) throw binanceErrors.badSymbol();
    const symbols = params.symbol !== undefined ? [params.symbol] : [...state.symbols.keys()];
    const sides: PositionSide[] = account.dualSidePosition ? ["LONG", "SHORT"] : ["BOTH"];
    const all = symbols.flatMap((symbol) => sides.map((side) => ({ symbol, side })));
    // v2 lists every symbol (zeros included); v3 only those with a position.
    const held = ({ symbol, side }: { symbol: string; side: PositionSide }) =>
      !(account.positions.get(positionKey(symbol, side))?.amt.isZero() ?? true);
    const listed = version === 2 ? all : all.filter(held);
    return listed.map(({ symbol, side }) => positionJson(state, account, symbol, side, version, now));
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
            maintMarginRatio: MAINT_MARGIN_RATE.toNumber(),
            cum: 0,
          },
        ],
      }));
    },
  },
  "GET /fapi/v1/positionSide/dual": {
    signed: true,
    handle: ({ account }) => ({ dualSidePosition: account.dualSidePosition }),
  },
  "POST /fapi/v1/positionSide/dual": {
    signed: true,
    handle: ({ account, params }) => {
      const dual = isTrue(requireParam(params, "dualSidePosition"));
      if (dual === account.dualSidePosition) throw binanceErrors.samePositionMode();
      changePositionMode(account, dual);
      return { code: 200, msg: "success" };
    },
  },
};
