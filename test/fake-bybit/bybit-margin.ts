import { Decimal } from "../../core/platform/decimal.ts";
import {
  type BybitAccount,
  type BybitInstrument,
  type BybitPosition,
  type FakeBybitState,
  leverageOf,
  ZERO,
} from "./bybit-state.ts";

// The margin model, kept simple on purpose and the same for every key:
// - initial margin of a position = |size| x mark / leverage; maintenance margin = |size| x mark x mmr (0.5%);
// - equity = wallet + unrealised PnL at mark; available = equity - initial margin of all positions;
// - each position is liquidated on its own, as if isolated with its leverage's margin: a long when the mark
//   falls to entry x (1 - 1/leverage + mmr), a short when it rises to entry x (1 + 1/leverage - mmr).
//   Real unified accounts are cross-margined (the whole wallet backs each position); a per-position price
//   that depends only on entry and leverage keeps tests readable and still makes leverage matter.

export function unrealisedPnl(inst: BybitInstrument, p: BybitPosition): Decimal {
  return p.size.isZero() ? ZERO : inst.markPrice.sub(p.avgPrice).mul(p.size);
}

export function positionIM(state: FakeBybitState, a: BybitAccount, p: BybitPosition): Decimal {
  const inst = state.instrument(p.symbol);
  return p.size.abs().mul(inst.markPrice).div(leverageOf(a, p.symbol));
}

export function positionMM(state: FakeBybitState, p: BybitPosition): Decimal {
  const inst = state.instrument(p.symbol);
  return p.size.abs().mul(inst.markPrice).mul(inst.mmr);
}

export function totals(state: FakeBybitState, a: BybitAccount): { upnl: Decimal; im: Decimal; mm: Decimal } {
  let upnl = ZERO;
  let im = ZERO;
  let mm = ZERO;
  for (const p of a.positions.values()) {
    if (p.size.isZero()) continue;
    upnl = upnl.add(unrealisedPnl(state.instrument(p.symbol), p));
    im = im.add(positionIM(state, a, p));
    mm = mm.add(positionMM(state, p));
  }
  return { upnl, im, mm };
}

export function availableBalance(state: FakeBybitState, a: BybitAccount): Decimal {
  const { upnl, im } = totals(state, a);
  return Decimal.max(a.wallet.add(upnl).sub(im), ZERO);
}

/** Where this position is liquidated (see the model above); undefined when flat. On the tick, toward entry. */
export function liquidationPrice(inst: BybitInstrument, p: BybitPosition, leverage: Decimal): Decimal | undefined {
  if (p.size.isZero()) return undefined;
  const tick = new Decimal(inst.tickSize);
  const cushion = new Decimal(1).div(leverage).sub(inst.mmr);
  if (p.size.isPositive()) return p.avgPrice.mul(new Decimal(1).sub(cushion)).div(tick).ceil().mul(tick);
  return p.avgPrice.mul(new Decimal(1).add(cushion)).div(tick).floor().mul(tick);
}

export function isLiquidated(inst: BybitInstrument, p: BybitPosition, leverage: Decimal): boolean {
  const liq = liquidationPrice(inst, p, leverage);
  if (!liq) return false;
  return p.size.isPositive() ? inst.markPrice.lte(liq) : inst.markPrice.gte(liq);
}
