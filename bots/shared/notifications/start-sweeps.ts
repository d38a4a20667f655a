import type { Logger } from "pino";
import type { Clock } from "../../../core/platform/clock.ts";

export interface SweepTask {
  name: string;
  /** At most this often; every tick when unset. */
  minIntervalMs?: number;
  run(now: Date): Promise<unknown>;
}

/**
 * A bot process's periodic housekeeping (the notification outbox sweep, and whatever else a transport keeps
 * tidy), one tick at a time so a slow database never stacks sweeps; a task that fails is logged and the others
 * still run. `tickMs` 0 turns it off.
 */
export function startSweeps(opts: { tickMs: number; clock: Clock; logger: Logger; tasks: SweepTask[] }): {
  stop(): Promise<void>;
} {
  const lastRun = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = async () => {
    const now = opts.clock.now();
    for (const task of opts.tasks) {
      const last = lastRun.get(task.name) ?? Number.NEGATIVE_INFINITY;
      if (task.minIntervalMs && now.getTime() - last < task.minIntervalMs) continue;
      lastRun.set(task.name, now.getTime());
      await task
        .run(now)
        .catch((err: Error) => opts.logger.warn({ err: err.message, task: task.name }, "sweep failed"));
    }
  };
  const schedule = () => {
    if (stopped || opts.tickMs <= 0) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, opts.tickMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
