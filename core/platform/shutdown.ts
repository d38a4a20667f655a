import type { Logger } from "pino";

/** Runs the steps in order once, on SIGTERM or SIGINT: stop taking work, finish in-flight work, close connections. */
export function onShutdown(logger: Logger, steps: (() => Promise<void>)[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    for (const step of steps) {
      try {
        await step();
      } catch (err) {
        logger.error({ err: (err as Error).message }, "shutdown step failed");
      }
    }
    logger.info("stopped");
    logger.flush(() => process.exit(0));
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}
