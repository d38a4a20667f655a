import { z } from "zod";
import type { ProtectiveLevel } from "../copying/protective-prices.ts";
import type { TargetLevel } from "../copying/trade-targets.ts";
import type { MarketInfo, PositionSide } from "../exchange/exchange.ts";
import { type Decimal, dec, floorToStep, roundToStep } from "../platform/decimal.ts";
import type { DcaSpec, ZoneEntry } from "../signals/entry-plan.ts";
import { storedTrailing, type TrailingSpec } from "../signals/trade-plan.ts";
import { splitTargets } from "./split-targets.ts";

/** One resting limit order that adds to the position: a zone entry (leg 0 is the nearest) or a DCA order (1…n). */
export interface EntryLeg {
  leg: number;
  price: Decimal;
  amount: Decimal;
}

type Market = Pick<MarketInfo, "amountStep" | "priceStep" | "minAmount">;

/**
 * The trade's amount over the zone's entries, nearest the market first (a long's highest, a short's lowest): the
 * same split as a ladder of targets on the other side, so rounding and the market's minimum are handled alike
 * (an entry below the minimum folds into the next one).
 */
export function zoneLegs(input: { side: PositionSide; amount: Decimal; entries: ZoneEntry[]; market: Market }) {
  const targets: TargetLevel[] = input.entries.map((e) => ({
    level: { price: dec(e.price) },
    sizePerc: dec(e.sizePerc),
  }));
  const flipped: PositionSide = input.side === "long" ? "short" : "long";
  return splitTargets({ side: flipped, fillPrice: dec(0), amount: input.amount, targets, market: input.market }).map(
    (l): EntryLeg => ({ leg: l.leg, price: l.trigger, amount: l.amount }),
  );
}

/** What the zone is sized at: its prices weighted by their shares. */
export function zoneAveragePrice(entries: readonly ZoneEntry[]): Decimal {
  const total = entries.reduce((sum, e) => sum.add(e.sizePerc), dec(0));
  return entries.reduce((sum, e) => sum.add(dec(e.price).mul(e.sizePerc)), dec(0)).div(total);
}

/**
 * The safety orders for an entry that filled `baseAmount` at `fillPrice`: the k-th at k × step against the fill,
 * for baseAmount × volumeScale^(k−1), rounded to the market's steps. An order below the market's minimum, at or
 * past the stop (it could only fill after the stop closed the trade) or at a price of zero is left out.
 */
export function dcaLegs(input: {
  side: PositionSide;
  fillPrice: Decimal;
  baseAmount: Decimal;
  dca: DcaSpec;
  market: Market;
  stop?: Decimal | null;
}): EntryLeg[] {
  const { side, fillPrice, baseAmount, dca, market, stop } = input;
  const sign = side === "long" ? -1 : 1;
  const legs: EntryLeg[] = [];
  for (let k = 1; k <= dca.orders; k++) {
    const price = roundToStep(fillPrice.mul(dec(dca.stepPerc).mul(k).mul(sign).div(100).add(1)), market.priceStep);
    const amount = floorToStep(baseAmount.mul(dec(dca.volumeScale).pow(k - 1)), market.amountStep);
    if (!price.gt(0) || amount.lt(market.minAmount ?? market.amountStep) || !amount.gt(0)) continue;
    if (stop && (side === "long" ? price.lte(stop) : price.gte(stop))) continue;
    legs.push({ leg: k, price, amount });
  }
  return legs;
}

// What a trade keeps of its plan to protect itself again when its amount grows (a zone entry or a DCA order
// filling): its targets and its stop, as the signal and the follower's settings resolved them at the entry.
const storedLevel = z.union([z.object({ perc: z.string() }), z.object({ price: z.string() })]);
const storedPlanSchema = z.object({
  targets: z.array(z.object({ level: storedLevel, sizePerc: z.string() })),
  stopLoss: storedLevel.nullable(),
  trailing: z.unknown().optional(),
});

export interface TradePlan {
  targets: TargetLevel[];
  stopLoss: ProtectiveLevel | null;
  /** How the stop moves once the trade is protected (kept here until then: nothing trails a bare position). */
  trailing?: TrailingSpec | null;
}

const levelJson = (l: ProtectiveLevel) => ("perc" in l ? { perc: l.perc.toString() } : { price: l.price.toString() });
const levelOf = (l: z.infer<typeof storedLevel>): ProtectiveLevel =>
  "perc" in l ? { perc: dec(l.perc) } : { price: dec(l.price) };

export function planJson(plan: TradePlan) {
  return {
    targets: plan.targets.map((t) => ({ level: levelJson(t.level), sizePerc: t.sizePerc.toString() })),
    stopLoss: plan.stopLoss ? levelJson(plan.stopLoss) : null,
    trailing: plan.trailing ?? null,
  };
}

/** A trade's stored plan, read back; null when it has none (it never grows). */
export function storedPlan(json: unknown): TradePlan | null {
  const parsed = storedPlanSchema.safeParse(json);
  if (!parsed.success) return null;
  return {
    targets: parsed.data.targets.map((t) => ({ level: levelOf(t.level), sizePerc: dec(t.sizePerc) })),
    stopLoss: parsed.data.stopLoss ? levelOf(parsed.data.stopLoss) : null,
    trailing: storedTrailing(parsed.data.trailing),
  };
}
