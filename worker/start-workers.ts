import { PLAN_REMINDER_INTERVAL_MS, queuePlanReminders } from "../core/billing/plan-reminders.ts";
import {
  APPROVE_COMMISSIONS_INTERVAL_MS,
  approveDueCommissions,
} from "../core/billing/referrals/approve-commissions.ts";
import { END_PROPOSALS_INTERVAL_MS, endDueProposals } from "../core/community/governance/end-proposals.ts";
import { finishTournaments } from "../core/community/tournaments/finish-tournaments.ts";
import { resumeUnfinishedWork } from "../core/copying/resume-unfinished-work.ts";
import type { Notifier } from "../core/notifications/notification-message.ts";
import type { JobQueue } from "../core/platform/jobs.ts";
import type { TradingRuntime } from "../core/platform/trading-runtime.ts";
import { startBullmqWorkers } from "./bullmq-workers.ts";
import { startCommunityLoop } from "./community-loop.ts";
import { createInProcessQueue } from "./in-process-queue.ts";
import { startPaperTick } from "./paper-tick.ts";
import { buildProcessors, createExecutionSlots } from "./processors.ts";
import { startReconcileLoop } from "./reconcile-loop.ts";
import { startResumeSweep } from "./resume-sweep.ts";
import { runEvery } from "./run-every.ts";

export interface StartedWorkers {
  /** Where new work is enqueued: BullMQ with Redis, this process's own queue without. */
  queue: JobQueue;
  mode: "bullmq" | "in-process";
  close(): Promise<void>;
}

/** Runs the job processors on BullMQ when Redis is configured, otherwise in this process with the same semantics. */
export async function startWorkers(rt: TradingRuntime, opts: { notifiers?: Notifier[] } = {}): Promise<StartedWorkers> {
  const base = {
    db: rt.db.prisma,
    sql: rt.db.sql,
    exchanges: rt.exchanges,
    clock: rt.clock,
    logger: rt.logger,
    notifiers: opts.notifiers,
    concurrency: rt.env.WORKER_CONCURRENCY,
    events: rt.liveEvents,
    planGraceHours: rt.env.PLAN_GRACE_HOURS,
  };
  const concurrency = rt.env.WORKER_CONCURRENCY;
  const executionSlots = createExecutionSlots(concurrency);
  let started: StartedWorkers;
  if (rt.redis) {
    const { connection, queue } = rt.redis;
    const workers = startBullmqWorkers({
      connection,
      processors: buildProcessors({ ...base, queue, executionSlots }),
      // The followers of batches and single jobs share `concurrency` order slots. Batches (32 followers) are
      // taken for eight times that many followers: one slow follower then keeps its batch open without
      // starving the slots, and other worker processes still find batches of a large fan-out to take.
      // Notifications wait in the sender's throttle (30/s overall), so a few in flight keep it busy.
      concurrency: {
        "fan-out-signal": 2,
        "execute-batch": Math.max(2, Math.ceil(concurrency / 4)),
        "execute-subscription": concurrency,
        notify: 32,
        "notify-discord": 32,
      },
      logger: rt.logger,
      prefix: rt.env.QUEUE_PREFIX,
      lockDurationMs: rt.env.WORKER_LOCK_DURATION_MS,
      stalledIntervalMs: rt.env.WORKER_STALLED_INTERVAL_MS,
    });
    started = { queue, mode: "bullmq", close: () => workers.close() };
  } else {
    const queue = createInProcessQueue({ logger: rt.logger, concurrency });
    queue.start(buildProcessors({ ...base, queue, executionSlots }));
    started = { queue, mode: "in-process", close: () => queue.close() };
  }
  const resumeDeps = { db: rt.db.prisma, queue: started.queue, clock: rt.clock, logger: rt.logger };
  await resumeUnfinishedWork(resumeDeps);
  const loops = [
    startResumeSweep({
      ...resumeDeps,
      intervalMs: rt.env.RESUME_SWEEP_INTERVAL_MS,
      staleAfterMs: rt.env.RESUME_SWEEP_STALE_MS,
    }),
    startReconcileLoop({
      db: rt.db.prisma,
      sql: rt.db.sql,
      exchanges: rt.exchanges,
      logger: rt.logger.child({ loop: "reconcile" }),
      now: () => rt.clock.now(),
      intervalMs: rt.env.RECONCILE_INTERVAL_MS,
      busy: executionSlots.busy,
      // Read by reconcileAccount: the closes it finds are announced like the copying path's.
      ...{ events: rt.liveEvents },
    }),
    startPaperTick({
      db: rt.db.prisma,
      prices: rt.paperPrices,
      logger: rt.logger.child({ loop: "paper" }),
      tickMs: rt.env.PAPER_TICK_MS,
    }),
    // XP, achievements and the aggregates leaderboards and tournaments read (core/community).
    startCommunityLoop({ db: rt.db.prisma, clock: rt.clock, logger: rt.logger.child({ loop: "community" }) }),
    // Governance: proposals past endsAt are ended here; the bots post the results.
    runEvery(
      "end-proposals",
      END_PROPOSALS_INTERVAL_MS,
      () => endDueProposals({ ...resumeDeps }).then(() => {}),
      rt.logger,
    ),
    // Referral commissions past their hold become payable (core/billing/referrals); a plain update, any worker.
    runEvery(
      "approve-commissions",
      APPROVE_COMMISSIONS_INTERVAL_MS,
      () => approveDueCommissions(resumeDeps).then(() => {}),
      rt.logger,
    ),
    // Plans ending in 3 days, 1 day, or just ended: one reminder each into the outbox (core/billing).
    runEvery(
      "plan-reminders",
      PLAN_REMINDER_INTERVAL_MS,
      () => queuePlanReminders(resumeDeps).then(() => {}),
      rt.logger,
    ),
    // Tournaments past their end: final ranks, results into the outbox, the winner's achievement (once).
    runEvery("finish-tournaments", 60_000, () => finishTournaments(resumeDeps).then(() => {}), rt.logger),
  ];
  const closeWorkers = started.close;
  return {
    ...started,
    async close() {
      // The loops first, so none can enqueue into a queue that is closing.
      await Promise.all(loops.map((l) => l.stop()));
      await closeWorkers();
    },
  };
}
