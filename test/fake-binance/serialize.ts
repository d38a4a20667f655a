import type { Decimal } from "../../core/platform/decimal.ts";
import {
  availableBalance,
  MAINT_MARGIN_RATE,
  maintenanceMargin,
  positionMargin,
  totalPositionMargin,
  unrealizedPnl,
} from "./account-math.ts";
import { liquidationPrice } from "./liquidation.ts";
import {
  type FakeAccount,
  type FakeAlgoOrder,
  type FakeBinanceState,
  type FakeOrder,
  type PositionSide,
  positionKey,
  positionsOf,
} from "./state.ts";

// Response bodies in the live fapi shapes (strings for every number, fixed precision per symbol).

function qtyStr(state: FakeBinanceState, symbol: string, v: Decimal): string {
  return v.toFixed(state.symbols.get(symbol)?.quantityPrecision ?? 8);
}

function priceStr(state: FakeBinanceState, symbol: string, v: Decimal): string {
  return v.toFixed(state.symbols.get(symbol)?.pricePrecision ?? 8);
}

export function orderJson(state: FakeBinanceState, o: FakeOrder): Record<string, unknown> {
  return {
    orderId: o.orderId,
    symbol: o.symbol,
    status: o.status,
    clientOrderId: o.clientOrderId,
    price: priceStr(state, o.symbol, o.price),
    avgPrice: o.avgPrice.toDecimalPlaces(8).toFixed(),
    origQty: qtyStr(state, o.symbol, o.origQty),
    executedQty: qtyStr(state, o.symbol, o.executedQty),
    cumQty: qtyStr(state, o.symbol, o.executedQty),
    cumQuote: o.executedQty.mul(o.avgPrice).toFixed(8),
    timeInForce: o.timeInForce,
    type: o.type,
    reduceOnly: o.reduceOnly,
    closePosition: false,
    side: o.side,
    positionSide: o.positionSide,
    stopPrice: "0",
    workingType: "CONTRACT_PRICE",
    priceProtect: false,
    origType: o.type,
    priceMatch: "NONE",
    selfTradePreventionMode: "EXPIRE_MAKER",
    goodTillDate: 0,
    time: o.time,
    updateTime: o.updateTime,
  };
}

export function algoOrderJson(state: FakeBinanceState, o: FakeAlgoOrder): Record<string, unknown> {
  return {
    algoId: o.algoId,
    clientAlgoId: o.clientAlgoId,
    algoType: "CONDITIONAL",
    orderType: o.orderType,
    symbol: o.symbol,
    side: o.side,
    positionSide: o.positionSide,
    timeInForce: "GTC",
    quantity: qtyStr(state, o.symbol, o.quantity),
    algoStatus: o.algoStatus,
    actualOrderId: o.actualOrderId === undefined ? "" : String(o.actualOrderId),
    actualPrice: o.actualPrice === undefined ? "0" : priceStr(state, o.symbol, o.actualPrice),
    triggerPrice: priceStr(state, o.symbol, o.triggerPrice),
    price: "0",
    icebergQuantity: null,
    selfTradePreventionMode: "EXPIRE_MAKER",
    workingType: "CONTRACT_PRICE",
    priceMatch: "NONE",
    closePosition: o.closePosition,
    priceProtect: false,
    reduceOnly: o.reduceOnly,
    createTime: o.createTime,
    updateTime: o.updateTime,
    triggerTime: o.triggerTime,
    goodTillDate: 0,
  };
}

/** positionRisk entry; v2 adds leverage, v3 omits it and lists only symbols with a position. */
export function positionJson(
  state: FakeBinanceState,
  account: FakeAccount,
  symbol: string,
  positionSide: PositionSide,
  version: 2 | 3,
  now: number,
): Record<string, unknown> {
  const pos = account.positions.get(positionKey(symbol, positionSide));
  const amt = pos?.amt;
  const mark = state.price(symbol);
  const entry = pos && !pos.amt.isZero() ? pos.entryPrice : undefined;
  const notional = amt ? amt.mul(mark) : undefined;
  const margin = amt ? positionMargin(state, account, symbol, amt) : undefined;
  const liquidation = amt && !amt.isZero() ? liquidationPrice(state, account, symbol) : undefined;
  const base: Record<string, unknown> = {
    symbol,
    positionSide,
    positionAmt: amt ? qtyStr(state, symbol, amt) : "0",
    entryPrice: entry ? entry.toFixed() : "0.0",
    breakEvenPrice: entry ? entry.toFixed() : "0.0",
    markPrice: mark.toFixed(8),
    unRealizedProfit: amt && entry ? mark.sub(entry).mul(amt).toFixed(8) : "0.00000000",
    liquidationPrice: liquidation ? liquidation.toFixed(8) : "0",
    isolatedMargin: "0.00000000",
    notional: notional ? notional.toFixed(8) : "0",
    marginAsset: "USDT",
    isolatedWallet: "0",
    updateTime: pos?.updateTime ?? now,
  };
  if (version === 2) {
    return {
      ...base,
      leverage: String(state.leverageOf(account, symbol)),
      maxNotionalValue: "1000000",
      marginType: "cross",
      isAutoAddMargin: "false",
    };
  }
  return {
    ...base,
    initialMargin: margin ? margin.toFixed(8) : "0",
    maintMargin: notional ? notional.abs().mul(MAINT_MARGIN_RATE).toFixed(8) : "0",
    positionInitialMargin: margin ? margin.toFixed(8) : "0",
    openOrderInitialMargin: "0",
    adl: 0,
    bidNotional: "0",
    askNotional: "0",
  };
}

export function assetJson(state: FakeBinanceState, account: FakeAccount, now: number): Record<string, unknown> {
  const upnl = unrealizedPnl(state, account);
  const margin = totalPositionMargin(state, account);
  const available = availableBalance(state, account);
  return {
    asset: "USDT",
    walletBalance: account.wallet.toFixed(8),
    unrealizedProfit: upnl.toFixed(8),
    marginBalance: account.wallet.add(upnl).toFixed(8),
    maintMargin: maintenanceMargin(state, account).toFixed(8),
    initialMargin: margin.toFixed(8),
    positionInitialMargin: margin.toFixed(8),
    openOrderInitialMargin: "0.00000000",
    crossWalletBalance: account.wallet.toFixed(8),
    crossUnPnl: upnl.toFixed(8),
    availableBalance: available.toFixed(8),
    maxWithdrawAmount: available.toFixed(8),
    marginAvailable: true,
    updateTime: now,
  };
}

export function accountJson(state: FakeBinanceState, account: FakeAccount, now: number): Record<string, unknown> {
  const asset = assetJson(state, account, now);
  const positions = [...positionsOf(account)]
    .filter((p) => !p.pos.amt.isZero())
    .map((p) => positionJson(state, account, p.symbol, p.positionSide, 3, now));
  return {
    totalInitialMargin: asset.initialMargin,
    totalMaintMargin: asset.maintMargin,
    totalWalletBalance: asset.walletBalance,
    totalUnrealizedProfit: asset.unrealizedProfit,
    totalMarginBalance: asset.marginBalance,
    totalPositionInitialMargin: asset.positionInitialMargin,
    totalOpenOrderInitialMargin: "0.00000000",
    totalCrossWalletBalance: asset.crossWalletBalance,
    totalCrossUnPnl: asset.crossUnPnl,
    availableBalance: asset.availableBalance,
    maxWithdrawAmount: asset.maxWithdrawAmount,
    assets: [asset],
    positions,
  };
}

export function balanceJson(state: FakeBinanceState, account: FakeAccount, now: number): Record<string, unknown> {
  const asset = assetJson(state, account, now);
  return {
    accountAlias: "fake",
    asset: "USDT",
    balance: asset.walletBalance,
    crossWalletBalance: asset.crossWalletBalance,
    crossUnPnl: asset.crossUnPnl,
    availableBalance: asset.availableBalance,
    maxWithdrawAmount: asset.maxWithdrawAmount,
    marginAvailable: true,
    updateTime: now,
  };
}
