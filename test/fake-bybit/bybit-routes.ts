import { Decimal } from "../../core/platform/decimal.ts";
import { type BybitAccount, BybitError, type BybitOrder, type FakeBybitState } from "./bybit-state.ts";

export type BybitParams = Record<string, unknown>;
type Handler = (state: FakeBybitState, account: BybitAccount | undefined, p: BybitParams) => unknown;

const str = (v: unknown): string | undefined =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
const ZERO = new Decimal(0);

function orderJson(o: BybitOrder): Record<string, unknown> {
  return {
    orderId: o.orderId,
    orderLinkId: o.orderLinkId,
    symbol: o.symbol,
    price: "0",
    qty: o.qty.toFixed(),
    side: o.side,
    positionIdx: 0,
    orderStatus: o.orderStatus,
    avgPrice: o.avgPrice.isZero() ? "" : o.avgPrice.toFixed(),
    leavesQty: o.qty.sub(o.cumExecQty).toFixed(),
    cumExecQty: o.cumExecQty.toFixed(),
    cumExecValue: o.cumExecQty.mul(o.avgPrice).toFixed(),
    cumExecFee: "0",
    timeInForce: "IOC",
    orderType: o.orderType,
    stopOrderType: o.triggerPrice.isZero() ? "" : "Stop",
    triggerPrice: o.triggerPrice.toFixed(),
    triggerDirection: o.triggerDirection,
    takeProfit: "",
    stopLoss: "",
    reduceOnly: o.reduceOnly,
    closeOnTrigger: false,
    tpslMode: "",
    createdTime: String(o.createdTime),
    updatedTime: String(o.createdTime),
  };
}

const isOpen = (o: BybitOrder) => o.orderStatus === "New" || o.orderStatus === "Untriggered";

function byLink(a: BybitAccount | undefined, p: BybitParams): BybitOrder | undefined {
  const link = str(p.orderLinkId);
  const o = link ? a?.orders.get(link) : undefined;
  return o && o.symbol === str(p.symbol) ? o : undefined;
}

function createOrder(state: FakeBybitState, a: BybitAccount, p: BybitParams): unknown {
  const inst = state.instrument(str(p.symbol));
  const side = str(p.side);
  if (side !== "Buy" && side !== "Sell") throw new BybitError(10001, "params error: side invalid");
  const qty = new Decimal(str(p.qty) ?? "0");
  if (qty.lte(0) || !qty.mod(inst.qtyStep).isZero()) throw new BybitError(10001, "params error: qty invalid");
  const orderLinkId = str(p.orderLinkId) ?? "";
  const existing = a.orders.get(orderLinkId);
  if (orderLinkId && existing) throw new BybitError(110072, "OrderLinkedID is duplicate");
  const reduceOnly = p.reduceOnly === true || p.reduceOnly === "true";
  const signed = side === "Buy" ? qty : qty.neg();
  const pos = a.positions.get(inst.symbol) ?? { size: ZERO, avgPrice: ZERO };
  const trigger = str(p.triggerPrice);
  const order: BybitOrder = {
    orderId: state.newOrderId(),
    orderLinkId,
    symbol: inst.symbol,
    side,
    orderType: "Market",
    orderStatus: trigger ? "Untriggered" : "Filled",
    qty,
    cumExecQty: trigger ? ZERO : qty,
    avgPrice: trigger ? ZERO : inst.price,
    triggerPrice: trigger ? new Decimal(trigger) : ZERO,
    triggerDirection: Number(p.triggerDirection ?? 0),
    reduceOnly,
    createdTime: Date.now(),
  };
  if (!trigger) {
    if (reduceOnly && (pos.size.isZero() || pos.size.isPositive() === (side === "Buy"))) {
      throw new BybitError(110017, "Reduce-only rule not satisfied");
    }
    const leverage = Number(a.leverage.get(inst.symbol) ?? "10");
    if (!reduceOnly) {
      if (qty.mul(inst.price).lt(inst.minNotional))
        throw new BybitError(110094, "Order notional value below the lower limit");
      const needed = qty.mul(inst.price).div(leverage);
      if (needed.gt(a.wallet)) throw new BybitError(110007, "ab not enough for new order");
    }
    const next = pos.size.add(signed);
    const adding = pos.size.isZero() || pos.size.isPositive() === signed.isPositive();
    const avgPrice = adding ? pos.size.abs().mul(pos.avgPrice).add(qty.mul(inst.price)).div(next.abs()) : pos.avgPrice;
    a.positions.set(inst.symbol, { size: next, avgPrice: next.isZero() ? ZERO : avgPrice });
  }
  a.orders.set(orderLinkId || order.orderId, order);
  return { orderId: order.orderId, orderLinkId };
}

export const bybitRoutes: Record<string, { signed: boolean; handle: Handler }> = {
  "GET /v5/market/time": {
    signed: false,
    handle: () => ({ timeSecond: String(Math.floor(Date.now() / 1000)), timeNano: String(Date.now() * 1e6) }),
  },
  "GET /v5/market/instruments-info": {
    signed: false,
    handle: (state, _a, p) => ({
      category: "linear",
      nextPageCursor: "",
      list:
        p.status === "PreLaunch"
          ? []
          : [...state.instruments.values()].map((i) => ({
              symbol: i.symbol,
              contractType: "LinearPerpetual",
              status: "Trading",
              baseCoin: i.base,
              quoteCoin: "USDT",
              settleCoin: "USDT",
              launchTime: "1585526400000",
              deliveryTime: "0",
              priceScale: "2",
              leverageFilter: { minLeverage: "1", maxLeverage: i.maxLeverage, leverageStep: "0.01" },
              priceFilter: { minPrice: i.tickSize, maxPrice: "1999999.80", tickSize: i.tickSize },
              lotSizeFilter: {
                maxOrderQty: "1190.000",
                minOrderQty: i.qtyStep,
                qtyStep: i.qtyStep,
                minNotionalValue: i.minNotional,
              },
              unifiedMarginTrade: true,
              fundingInterval: 480,
              copyTrading: "both",
            })),
    }),
  },
  "GET /v5/market/tickers": {
    signed: false,
    handle: (state, _a, p) => {
      const i = state.instrument(str(p.symbol));
      const last = i.price.toFixed();
      return {
        category: "linear",
        list: [
          {
            symbol: i.symbol,
            lastPrice: last,
            markPrice: last,
            indexPrice: last,
            prevPrice24h: last,
            price24hPcnt: "0",
            highPrice24h: last,
            lowPrice24h: last,
            bid1Price: last,
            ask1Price: last,
            volume24h: "0",
            turnover24h: "0",
          },
        ],
      };
    },
  },
  "GET /v5/account/wallet-balance": {
    signed: true,
    handle: (_s, a) => {
      const wallet = a?.wallet.toFixed() ?? "0";
      return {
        list: [
          {
            accountType: "UNIFIED",
            totalEquity: wallet,
            totalWalletBalance: wallet,
            totalAvailableBalance: wallet,
            coin: [
              {
                coin: "USDT",
                equity: wallet,
                walletBalance: wallet,
                locked: "0",
                totalPositionIM: "0",
                totalOrderIM: "0",
                unrealisedPnl: "0",
              },
            ],
          },
        ],
      };
    },
  },
  // What the key may do (a master account's key; Bybit lists only the permissions granted).
  "GET /v5/user/query-api": {
    signed: true,
    handle: (_s, a) => ({
      id: "1",
      note: "fake",
      apiKey: a?.apiKey,
      readOnly: 0,
      secret: "",
      permissions: {
        ContractTrade: ["Order", "Position"],
        Spot: ["SpotTrade"],
        Wallet: a?.canWithdraw ? ["AccountTransfer", "SubMemberTransfer", "Withdraw"] : ["AccountTransfer"],
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
    }),
  },
  "POST /v5/order/create": { signed: true, handle: (s, a, p) => createOrder(s, a as BybitAccount, p) },
  // Open orders only, plain or conditional (orderFilter=StopOrder) but not both; done ones are in history.
  "GET /v5/order/realtime": {
    signed: true,
    handle: (_s, a, p) => {
      const o = byLink(a, p);
      const matches = o && isOpen(o) && (p.orderFilter === "StopOrder") === !o.triggerPrice.isZero();
      return { category: "linear", nextPageCursor: "", list: matches ? [orderJson(o)] : [] };
    },
  },
  "GET /v5/order/history": {
    signed: true,
    handle: (_s, a, p) => {
      const o = byLink(a, p);
      return { category: "linear", nextPageCursor: "", list: o && !isOpen(o) ? [orderJson(o)] : [] };
    },
  },
  "POST /v5/order/cancel": {
    signed: true,
    handle: (_s, a, p) => {
      const o = a?.orders.get(str(p.orderLinkId) ?? "");
      if (!o || !isOpen(o)) {
        throw new BybitError(110001, "order not exists or too late to cancel");
      }
      o.orderStatus = "Cancelled";
      return { orderId: o.orderId, orderLinkId: o.orderLinkId };
    },
  },
  "POST /v5/order/cancel-all": {
    signed: true,
    handle: (_s, a, p) => {
      const list = [];
      for (const o of a?.orders.values() ?? []) {
        if (o.symbol === str(p.symbol) && isOpen(o)) {
          o.orderStatus = "Cancelled";
          list.push({ orderId: o.orderId, orderLinkId: o.orderLinkId });
        }
      }
      return { list, success: "1" };
    },
  },
  "GET /v5/position/list": {
    signed: true,
    handle: (state, a) => ({
      category: "linear",
      nextPageCursor: "",
      list: [...(a?.positions ?? [])]
        .filter(([, p]) => !p.size.isZero())
        .map(([symbol, p]) => ({
          positionIdx: 0,
          symbol,
          side: p.size.isPositive() ? "Buy" : "Sell",
          size: p.size.abs().toFixed(),
          avgPrice: p.avgPrice.toFixed(),
          positionValue: p.size.abs().mul(p.avgPrice).toFixed(),
          leverage: a?.leverage.get(symbol) ?? "10",
          markPrice: state.instrument(symbol).price.toFixed(),
          unrealisedPnl: "0",
          tradeMode: 0,
          positionStatus: "Normal",
          createdTime: "0",
          updatedTime: String(Date.now()),
        })),
    }),
  },
  "POST /v5/position/set-leverage": {
    signed: true,
    handle: (state, a, p) => {
      const i = state.instrument(str(p.symbol));
      const lev = str(p.buyLeverage) ?? "";
      if (a?.leverage.get(i.symbol) === lev) throw new BybitError(110043, "leverage not modified");
      a?.leverage.set(i.symbol, lev);
      return {};
    },
  },
};
