import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";

export const PLAN_REMINDER_KIND = "plan_reminder";
export type PlanReminderStage = "3d" | "1d" | "expired";

/** Run by the worker every few minutes: a reminder is at most this late. */
export const PLAN_REMINDER_INTERVAL_MS = 5 * 60_000;

const HOUR_MS = 3_600_000;
// A plan that ended longer ago than this gets no "expired" notice: a worker down for a week, or a plan granted
// in the past by hand, should not greet anyone with old news.
const EXPIRED_NOTICE_WITHIN_MS = 72 * HOUR_MS;

/** What the bots render (bots/shared/wording/notification-text.ts); everything is in the row's payload. */
export interface PlanReminderMessage {
  kind: "plan_reminder";
  stage: PlanReminderStage;
  plan: string;
  /** ISO time the plan ends (or ended). */
  until: string;
}

/** The reminder due for a plan ending at `until`: only the latest stage reached, so a short grant gets one. */
export function reminderStage(until: Date, now: Date): PlanReminderStage | null {
  const left = until.getTime() - now.getTime();
  if (left <= 0) return -left <= EXPIRED_NOTICE_WITHIN_MS ? "expired" : null;
  if (left <= 24 * HOUR_MS) return "1d";
  if (left <= 72 * HOUR_MS) return "3d";
  return null;
}

/**
 * Writes the due reminders (3 days and 1 day before a plan ends, and when it ends) into the notification outbox.
 * Keyed per user, plan, end and stage: each is written once however often this runs, and an extended plan (a new
 * end) is reminded afresh.
 */
export async function queuePlanReminders(deps: { db: DbClient; clock: Clock }): Promise<number> {
  const now = deps.clock.now();
  const users = await deps.db.user.findMany({
    where: {
      planId: { not: null },
      planActiveUntil: {
        gt: new Date(now.getTime() - EXPIRED_NOTICE_WITHIN_MS),
        lte: new Date(now.getTime() + 72 * HOUR_MS),
      },
    },
    select: { id: true, planId: true, planActiveUntil: true, plan: { select: { name: true } } },
  });
  const rows = users.flatMap((u) => {
    const until = u.planActiveUntil;
    const stage = until ? reminderStage(until, now) : null;
    if (!until || !stage || !u.planId) return [];
    const payload = { stage, planId: u.planId, plan: u.plan?.name ?? "", until: until.toISOString() };
    return [
      {
        userId: u.id,
        kind: PLAN_REMINDER_KIND,
        dedupeKey: `plan:${u.id}:${u.planId}:${until.toISOString()}:${stage}`,
        payload,
      },
    ];
  });
  if (rows.length === 0) return 0;
  const { count } = await deps.db.notification.createMany({ data: rows, skipDuplicates: true });
  return count;
}

/** The outbox row's payload as a message; null when it is not one (the row is then dropped). */
export function planReminderMessage(payload: unknown): PlanReminderMessage | null {
  const p = payload as Partial<Record<"stage" | "plan" | "until", unknown>> | null;
  if (!p || typeof p.plan !== "string" || typeof p.until !== "string") return null;
  if (p.stage !== "3d" && p.stage !== "1d" && p.stage !== "expired") return null;
  return { kind: "plan_reminder", stage: p.stage, plan: p.plan, until: p.until };
}
