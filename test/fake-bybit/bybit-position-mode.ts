import { type BybitAccount, BybitError, type FakeBybitState, isHedged, isOpen } from "./bybit-state.ts";

// POST /v5/position/switch-mode (ccxt setPositionMode): mode 0 one-way, 3 hedge, for one symbol or for the
// whole settle coin. By coin, Bybit switches every symbol without a position or open order and leaves the others
// as they are (and new symbols follow the coin's mode); by symbol, a position or open order refuses the switch.

function busy(a: BybitAccount, symbol: string): "position" | "orders" | undefined {
  for (const p of a.positions.values()) if (p.symbol === symbol && !p.size.isZero()) return "position";
  for (const o of a.orders.values()) if (o.symbol === symbol && isOpen(o)) return "orders";
  return undefined;
}

export function switchPositionMode(
  state: FakeBybitState,
  a: BybitAccount,
  hedged: boolean,
  scope: { symbol?: string; coin?: string },
  opts: { quietIfUnchanged?: boolean } = {},
): void {
  if (scope.symbol) {
    const symbol = state.instrument(scope.symbol).symbol;
    if (isHedged(a, symbol) === hedged) {
      if (opts.quietIfUnchanged) return;
      throw new BybitError(110025, "Position mode has not been modified.");
    }
    const why = busy(a, symbol);
    if (why === "position") {
      throw new BybitError(110024, "You have an existing position, so the position mode cannot be switched.");
    }
    if (why === "orders") {
      throw new BybitError(110028, "You have existing open orders, so the position mode cannot be switched.");
    }
    a.hedgeSymbols.set(symbol, hedged);
    return;
  }
  if (scope.coin !== "USDT") throw new BybitError(10001, "params error: symbol or coin (USDT) is required");
  let changed = a.hedgeDefault !== hedged;
  for (const symbol of state.instruments.keys()) {
    const current = isHedged(a, symbol);
    if (busy(a, symbol)) a.hedgeSymbols.set(symbol, current);
    else {
      changed ||= current !== hedged;
      a.hedgeSymbols.delete(symbol);
    }
  }
  a.hedgeDefault = hedged;
  if (!changed && !opts.quietIfUnchanged) throw new BybitError(110025, "Position mode has not been modified.");
}
