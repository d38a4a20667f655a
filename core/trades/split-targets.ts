import type { TargetLevel } from "../copying/trade-targets.ts";
import type { MarketInfo, PositionSide } from "../exchange/exchange.ts";
import { type Decimal, dec, floorToStep, roundToStep } from "../platform/decimal.ts";

/**
 * Take-profit legs are numbered revision × this + target: a ladder placed again for a grown amount (see
 * reprotect-trade.ts) is a new revision whose orders have ids of their own. Above MAX_TARGETS.
 */
export const TARGET_LEG_SPAN = 10;

/** One take-profit order to place: its target's number (0 is the nearest), trigger and amount. */
export interface TargetLeg {
  leg: number;
  trigger: Decimal;
  amount: Decimal;
  /** Given as a price by the signal (not a distance from the fill). */
  absolute: boolean;
}

/**
 * Splits the filled amount over the targets, nearest first (a long's lowest, a short's highest): each target gets
 * its `sizePerc` of the amount rounded down to the market's step, and the last one the remainder of their total
 * share, so rounding leaves nothing behind that the targets were meant to close. A target below the market's
 * minimum amount folds into the next one (the last into the one before it): a reduce-only order is exempt from
 * the minimum notional on Binance, not from the minimum quantity. What the shares leave (they may add up to less
 * than 100%) rides to the stop or a close.
 */
export function splitTargets(input: {
  side: PositionSide;
  fillPrice: Decimal;
  amount: Decimal;
  targets: readonly TargetLevel[];
  market: Pick<MarketInfo, "amountStep" | "priceStep" | "minAmount">;
}): TargetLeg[] {
  const { side, fillPrice, amount, market } = input;
  const sign = side === "long" ? 1 : -1;
  const priced = input.targets
    .map((t) => {
      const raw = "price" in t.level ? t.level.price : fillPrice.mul(t.level.perc.div(100).mul(sign).add(1));
      return { trigger: roundToStep(raw, market.priceStep), sizePerc: t.sizePerc, absolute: "price" in t.level };
    })
    .filter((t) => t.trigger.gt(0))
    .sort((a, b) => a.trigger.cmp(b.trigger) * sign);
  if (!priced.length) return [];

  const totalPerc = priced.reduce((sum, t) => sum.add(t.sizePerc), dec(0));
  const total = floorToStep(amount.mul(fraction(totalPerc)), market.amountStep);
  let given = dec(0);
  const shares = priced.map((t, i) => {
    const share =
      i === priced.length - 1 ? total.sub(given) : floorToStep(amount.mul(fraction(t.sizePerc)), market.amountStep);
    given = given.add(share);
    return { ...t, leg: i, amount: share };
  });

  const minimum = market.minAmount ?? market.amountStep;
  const legs: TargetLeg[] = [];
  let carried = dec(0);
  for (const s of shares) {
    const legAmount = s.amount.add(carried);
    const last = s.leg === shares.length - 1;
    if (legAmount.lt(minimum) || legAmount.lte(0)) {
      if (!last) {
        carried = legAmount;
        continue;
      }
      const before = legs.at(-1);
      if (before) before.amount = before.amount.add(legAmount);
      continue;
    }
    carried = dec(0);
    legs.push({ leg: s.leg, trigger: s.trigger, amount: legAmount, absolute: s.absolute });
  }
  return legs;
}

/** A percent as a fraction. */
function fraction(perc: Decimal): Decimal {
  return perc.div(100);
}
