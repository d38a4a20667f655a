import { Decimal } from "../../core/platform/decimal.ts";
import { positionJson } from "./bybit-json.ts";
import { page } from "./bybit-lists.ts";
import { totals } from "./bybit-margin.ts";
import { switchPositionMode } from "./bybit-position-mode.ts";
import { type BybitParams, type RouteTable, signed, str } from "./bybit-route.ts";
import { type BybitAccount, BybitError, type FakeBybitState, isHedged } from "./bybit-state.ts";

// The wallet, the key's permissions, positions, leverage and position mode.

const money = (d: Decimal) => d.toDecimalPlaces(8, Decimal.ROUND_HALF_UP).toFixed();

function walletBalance(state: FakeBybitState, a: BybitAccount): unknown {
  const { upnl, im, mm } = totals(state, a);
  const equity = a.wallet.add(upnl);
  const available = Decimal.max(equity.sub(im), 0);
  const rate = (x: Decimal) => (equity.gt(0) ? x.div(equity).toDecimalPlaces(4).toFixed() : "0");
  return {
    list: [
      {
        accountType: "UNIFIED",
        totalEquity: money(equity),
        totalWalletBalance: money(a.wallet),
        totalMarginBalance: money(equity),
        totalAvailableBalance: money(available),
        totalPerpUPL: money(upnl),
        totalInitialMargin: money(im),
        totalMaintenanceMargin: money(mm),
        accountIMRate: rate(im),
        accountMMRate: rate(mm),
        accountLTV: "0",
        coin: [
          {
            coin: "USDT",
            equity: money(equity),
            usdValue: money(equity),
            walletBalance: money(a.wallet),
            // Deprecated by Bybit and sent empty: ccxt then derives free from the margins below.
            availableToWithdraw: "",
            locked: "0",
            borrowAmount: "0",
            accruedInterest: "0",
            totalOrderIM: "0",
            totalPositionIM: money(im),
            totalPositionMM: money(mm),
            unrealisedPnl: money(upnl),
            cumRealisedPnl: money(a.wallet.sub(state.startingBalance)),
            marginCollateral: true,
            collateralSwitch: true,
          },
        ],
      },
    ],
  };
}

function positionList(state: FakeBybitState, a: BybitAccount, p: BybitParams): unknown {
  if (p.category !== "linear") throw new BybitError(10001, "params error: category only support linear in the fake");
  const symbol = str(p.symbol);
  let rows: ReturnType<typeof state.position>[];
  if (symbol) {
    // Asked by symbol, Bybit answers its rows flat or not: one in one-way mode, both sides in hedge mode.
    const i = state.instrument(symbol);
    const idxs = isHedged(a, i.symbol) ? ([1, 2] as const) : ([0] as const);
    rows = idxs.map((idx) => state.position(a, i.symbol, idx));
  } else if (str(p.settleCoin) || str(p.baseCoin)) {
    rows = [...a.positions.values()].filter(
      (x) => !x.size.isZero() && (!str(p.baseCoin) || state.instrument(x.symbol).base === p.baseCoin),
    );
    if (str(p.settleCoin) && p.settleCoin !== "USDT") rows = [];
  } else {
    throw new BybitError(10001, "Missing some parameters that must be filled in, symbol or settleCoin");
  }
  const { list, nextPageCursor } = page(rows, p, { fallback: 20, max: 200 });
  return { category: "linear", nextPageCursor, list: list.map((x) => positionJson(state, a, x)) };
}

export const accountRoutes: RouteTable = {
  "GET /v5/account/wallet-balance": signed(walletBalance),
  // What the key may do (a master account's key; Bybit lists only the permissions granted).
  "GET /v5/user/query-api": signed((_s, a) => ({
    id: "1",
    note: "fake",
    apiKey: a.apiKey,
    readOnly: 0,
    secret: "",
    permissions: {
      ContractTrade: ["Order", "Position"],
      Spot: ["SpotTrade"],
      Wallet: a.canWithdraw ? ["AccountTransfer", "SubMemberTransfer", "Withdraw"] : ["AccountTransfer"],
      Options: [],
      Derivatives: ["DerivativesTrade"],
      CopyTrading: [],
      BlockTrade: [],
      Exchange: [],
      NFT: [],
    },
    ips: ["*"],
    type: 1,
    uta: 1,
    isMaster: true,
  })),
  // ccxt loads currencies from here when its instance has keys (Mimic's market loader has none).
  "GET /v5/asset/coin/query-info": signed((state) => ({
    rows: ["USDT", ...[...state.instruments.values()].map((i) => i.base)].map((coin) => ({
      name: coin,
      coin,
      remainAmount: "1000000",
      chains: [
        {
          chainType: coin === "USDT" ? "ERC20" : coin,
          confirmation: "6",
          withdrawFee: "1",
          depositMin: "0",
          withdrawMin: "1",
          chain: coin === "USDT" ? "ETH" : coin,
          chainDeposit: "1",
          chainWithdraw: "1",
          minAccuracy: "8",
          withdrawPercentageFee: "0",
          contractAddress: "",
        },
      ],
    })),
  })),
  "GET /v5/account/fee-rate": signed((state, _a, p) => {
    const symbol = str(p.symbol);
    const list = symbol ? [state.instrument(symbol)] : [...state.instruments.values()];
    return {
      category: "linear",
      list: list.map((i) => ({
        symbol: i.symbol,
        baseCoin: "",
        takerFeeRate: state.config.takerFeeRate.toFixed(),
        makerFeeRate: state.config.makerFeeRate.toFixed(),
      })),
    };
  }),
  "GET /v5/position/list": signed(positionList),
  "POST /v5/position/set-leverage": signed((state, a, p) => {
    const i = state.instrument(str(p.symbol));
    const buy = new Decimal(str(p.buyLeverage) ?? "0");
    const sell = new Decimal(str(p.sellLeverage) ?? "0");
    if (buy.lt(1) || buy.gt(i.maxLeverage) || !buy.eq(sell)) {
      throw new BybitError(10001, "params error: buyLeverage and sellLeverage must be equal and within limits");
    }
    if (a.leverage.get(i.symbol) === buy.toFixed()) throw new BybitError(110043, "leverage not modified");
    a.leverage.set(i.symbol, buy.toFixed());
    return {};
  }),
  "POST /v5/position/switch-mode": signed((state, a, p) => {
    const mode = Number(p.mode);
    if (mode !== 0 && mode !== 3) throw new BybitError(10001, "params error: mode invalid");
    switchPositionMode(state, a, mode === 3, { symbol: str(p.symbol), coin: str(p.coin) });
    return {};
  }),
};
