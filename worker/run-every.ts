import type { Logger } from "pino";

export interface Periodic {
  stop(): Promise<void>;
}

/**
 * Runs `round` every `intervalMs` for as long as the worker lives: one round at a time, the next one timed from
 * the end of the last, a failing round logged and followed by the next. Never keeps the process alive on its own.
 */
export function runEvery(
  name: string,
  intervalMs: number,
  round: () => Promise<void>,
  logger: Pick<Logger, "warn">,
): Periodic {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = () => {
    if (stopped || intervalMs <= 0) return;
    timer = setTimeout(() => {
      running = once().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  const once = async () => {
    try {
      await round();
    } catch (err) {
      // Postgres, Redis or an exchange is away; the next round tries again.
      logger.warn({ err: (err as Error).message }, `${name} failed`);
    }
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
