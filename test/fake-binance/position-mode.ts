import { binanceErrors } from "./binance-error.ts";
import { isTrue, type Params } from "./order-params.ts";
import { type FakeAccount, isOpen, type PositionSide, type Side } from "./state.ts";

// One-way mode (dualSidePosition false, Binance's default) nets every symbol into one BOTH position; hedge
// mode keeps a LONG and a SHORT position side by side, and every order must say which one it is for.

/** The order's positionSide, which must match the account's mode: BOTH one-way, LONG/SHORT hedged. */
export function parsePositionSide(account: FakeAccount, p: Params): PositionSide {
  const raw = p.positionSide ?? "BOTH";
  if (raw !== "BOTH" && raw !== "LONG" && raw !== "SHORT") throw binanceErrors.badParam("positionSide");
  if (account.dualSidePosition === (raw === "BOTH")) throw binanceErrors.positionSideMismatch();
  // In hedge mode the side says whether an order reduces, so Binance refuses the flag.
  if (account.dualSidePosition && isTrue(p.reduceOnly)) throw binanceErrors.notRequired("reduceOnly");
  return raw;
}

/** SELL on LONG or BUY on SHORT: in hedge mode such an order can only reduce its position. */
export function closesHedgedSide(positionSide: PositionSide, side: Side): boolean {
  return (positionSide === "LONG" && side === "SELL") || (positionSide === "SHORT" && side === "BUY");
}

/** Binance refuses the switch while the account holds a position or an open order in any symbol. */
export function changePositionMode(account: FakeAccount, dual: boolean): void {
  if (account.dualSidePosition === dual) return;
  if ([...account.positions.values()].some((p) => !p.amt.isZero())) throw binanceErrors.modeChangeWithPosition();
  const openAlgo = [...account.algoOrders.values()].some((o) => o.algoStatus === "NEW");
  if (openAlgo || [...account.orders.values()].some(isOpen)) throw binanceErrors.modeChangeWithOpenOrders();
  account.dualSidePosition = dual;
}
