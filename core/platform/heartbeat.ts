import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "pino";
import type { DbClient } from "./db-client.ts";

/** What a process runs: the admin page counts workers online by their heartbeats. */
export type HeartbeatKind = "worker" | "all-in-one" | "telegram-bot" | "discord-bot";

/** A process is online while its heartbeat is younger than three beats (the admin page reads 60 s). */
export const HEARTBEAT_INTERVAL_MS = 20_000;

export interface Heartbeat {
  id: string;
  /** Deletes the row: a clean shutdown is not a process that went missing. */
  stop(): Promise<void>;
}

/**
 * Writes this process's row in WorkerHeartbeat now and every `intervalMs`. A beat that fails (the database is
 * away) is logged and the next one tries again; the timer never keeps the process alive.
 */
export async function startHeartbeat(
  deps: { db: DbClient; logger: Pick<Logger, "warn">; now?: () => Date },
  opts: { kind: HeartbeatKind; intervalMs?: number },
): Promise<Heartbeat> {
  const now = deps.now ?? (() => new Date());
  const row = { id: randomUUID(), kind: opts.kind, host: hostname(), pid: process.pid, startedAt: now() };
  const beat = async () => {
    const seenAt = now();
    try {
      await deps.db.workerHeartbeat.upsert({
        where: { id: row.id },
        create: { ...row, seenAt },
        update: { seenAt },
      });
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message }, "heartbeat not written; the next one tries again");
    }
  };
  let running: Promise<void> = beat();
  await running;
  const timer = setInterval(() => {
    running = beat();
  }, opts.intervalMs ?? HEARTBEAT_INTERVAL_MS);
  timer.unref();
  return {
    id: row.id,
    async stop() {
      clearInterval(timer);
      await running;
      await deps.db.workerHeartbeat.deleteMany({ where: { id: row.id } }).catch((err: Error) => {
        deps.logger.warn({ err: err.message }, "heartbeat row not deleted; it ages out");
      });
    },
  };
}
