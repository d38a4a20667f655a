import { z } from "zod";
import { dec } from "../platform/decimal.ts";
import { positiveDecimal } from "../platform/number-input.ts";
import { MAX_TARGETS, type TakeProfitTarget } from "../signals/trade-plan.ts";

// The follower's own take-profit split on a subscription: targets as distances in percent from their fill, each
// with the share of the entry it closes. It replaces the signal's targets (ladder, single TP) on every trade;
// null ("signal") uses the signal's. Stored as Subscription.takeProfitSplit, in the stored-target shape the
// signal's own `takeProfits` use, so core/copying/trade-targets.ts reads both the same way.

export type OwnTarget = Extract<TakeProfitTarget, { perc: string }>;

const target = z
  .object(
    {
      perc: positiveDecimal({ example: "1.5", max: 100, below: true }),
      sizePerc: positiveDecimal({ example: "50", max: 100 }),
    },
    { error: 'must be an object such as {"perc": 1.5, "sizePerc": 50}' },
  )
  .transform((t): OwnTarget => ({ perc: t.perc, sizePerc: t.sizePerc }));

/** 1 to 8 targets, each 0–100% away, their shares adding up to at most 100; null: the signal's targets. */
export const takeProfitSplitSchema = z
  .array(target, { error: "must be a list of targets, or null for the signal's" })
  .min(1, { error: "must hold at least one target" })
  .max(MAX_TARGETS, { error: `must hold at most ${MAX_TARGETS} targets` })
  .superRefine((targets, ctx) => {
    const total = targets.reduce((sum, t) => sum.add(dec(t.sizePerc)), dec(0));
    if (total.gt(100)) {
      ctx.addIssue({
        code: "custom",
        message: `shares must add up to at most 100 (they add up to ${total.toFixed()})`,
      });
    }
  })
  .nullable();

/**
 * A split as a follower types it in chat: "1.5:50 3:30 5:20" (distance %:share %, separated by spaces, commas or
 * semicolons; a "%" sign is allowed), or "signal" for the signal's targets. Returns the problem in words instead
 * of throwing, for the chat to repeat.
 */
export function parseTakeProfitSplit(text: string): { split: OwnTarget[] | null } | { problem: string } {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === "signal" || trimmed === "off" || trimmed === "") return { split: null };
  const parts = trimmed.split(/[\s,;]+/).filter(Boolean);
  const targets: unknown[] = [];
  for (const part of parts) {
    const m = /^(\d+(?:\.\d+)?)%?:(\d+(?:\.\d+)?)%?$/.exec(part);
    if (!m) return { problem: `"${part}" is not distance:share, such as 1.5:50` };
    targets.push({ perc: m[1], sizePerc: m[2] });
  }
  const parsed = takeProfitSplitSchema.safeParse(targets);
  if (parsed.success) return { split: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `target ${Number(issue.path[0]) + 1}: ` : "";
  return { problem: `${where}${issue?.message ?? "is invalid"}` };
}

/** A subscription row's split, read back; anything else is "the signal's". */
export function storedTakeProfitSplit(json: unknown): OwnTarget[] | null {
  const parsed = z
    .array(z.object({ perc: z.string(), sizePerc: z.string() }))
    .min(1)
    .safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** "1.5% (50%), 3% (30%), 5% (20%)": how settings show a split. */
export function describeTakeProfitSplit(split: readonly OwnTarget[]): string {
  return split.map((t) => `${t.perc}% (${t.sizePerc}%)`).join(", ");
}
