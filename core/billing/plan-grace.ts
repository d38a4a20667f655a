/** PLAN_GRACE_HOURS' default: a day to pay after a plan ends before its premium subscriptions stop opening. */
export const DEFAULT_PLAN_GRACE_HOURS = 24;

export const PLAN_EXPIRED = "plan expired";

/**
 * Why a premium subscription may not open now, or null. Not covered at all (no plan, or one without this
 * strategy) reads the same as lapsed: either way the follower's plan has to be renewed or changed.
 */
export function planEntryRefusal(plan: { premium: boolean; entriesUntil: Date | null }, now: Date): string | null {
  if (!plan.premium) return null;
  if (plan.entriesUntil && plan.entriesUntil > now) return null;
  return PLAN_EXPIRED;
}
