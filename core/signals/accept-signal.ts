import type { Logger } from "pino";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type JobPayload, type JobQueue, jobIds } from "../platform/jobs.ts";
import { processMetrics } from "../platform/metrics.ts";
import type { Sql } from "../platform/sql.ts";
import { normalizeSymbol } from "./normalize-symbol.ts";
import { recordSignal } from "./record-signal.ts";
import type { SignalInput } from "./signal-input.ts";

export interface ReceivedSignal {
  signalId: string;
  duplicate: boolean;
  /**
   * Settles once the fan-out is queued. It never rejects: the signal is already durable, so a queue that is
   * down costs latency, not the signal (the resume sweep queues signals left "received"). The caller may
   * acknowledge before it settles, and should wait for it before shutting down.
   */
  queued: Promise<void>;
}

export interface AcceptSignalDeps {
  db: DbClient;
  /** The pg pool Prisma uses; when given, a signal with an id is recorded without Prisma's query engine. */
  sql?: Sql;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  /** Identical bodies within this window are one signal (TradingView and proxies do redeliver). */
  dedupeWindowSec: number;
}

/**
 * The one path every authenticated signal takes, whatever sent it (the webhook, a provider's channel message):
 * records it exactly once for the strategy and queues its fan-out. A signal with an id is keyed by it
 * ("id:<id>"), so any later delivery of that id (a redelivery, an edited or reposted message) is the same
 * signal; one without is keyed by `bodyHash` within the dedupe window. Throws BAD_REQUEST for a symbol that is
 * not a futures pair.
 */
export async function acceptSignal(
  input: {
    strategyId: string;
    signal: SignalInput;
    bodyHash: string;
    /** For the metrics: where the signal came from, and the strategy's slug (its id when not at hand). */
    source?: "tradingview" | "discord";
    strategySlug?: string;
  },
  deps: AcceptSignalDeps,
): Promise<ReceivedSignal> {
  const { signal, strategyId, bodyHash } = input;
  const symbol = normalizeSymbol(signal.rawSymbol);
  const now = deps.clock.now();
  const windowMs = deps.dedupeWindowSec * 1000;
  const dedupeKey = signal.id ? `id:${signal.id}` : `body:${bodyHash}:${Math.floor(now.getTime() / windowMs)}`;
  const since = new Date(now.getTime() - windowMs);

  const recorded = await recordSignal(deps, { strategyId, dedupeKey, bodyHash, symbol, signal, now, since });
  if (recorded.duplicate) {
    deps.logger.info({ signalId: recorded.id }, "duplicate signal delivery ignored");
    // If the first delivery died between insert and enqueue, this heals it; the job id makes it a no-op otherwise.
    const queued = recorded.status === "received" ? queueFanOut({ signalId: recorded.id }, deps) : Promise.resolve();
    return { signalId: recorded.id, duplicate: true, queued };
  }
  deps.logger.info({ signalId: recorded.id, strategyId, action: signal.action, symbol }, "signal received");
  processMetrics().signalReceived(input.strategySlug ?? strategyId, input.source ?? "tradingview");
  const queued = queueFanOut({ signalId: recorded.id, strategyId, action: signal.action, symbol }, deps);
  return { signalId: recorded.id, duplicate: false, queued };
}

function queueFanOut(data: JobPayload<"fan-out-signal">, deps: AcceptSignalDeps): Promise<void> {
  return deps.queue.add("fan-out-signal", { data, jobId: jobIds.fanOut(data.signalId) }).then(
    () => undefined,
    (err: unknown) => {
      deps.logger.error({ signalId: data.signalId, err }, "fan-out not queued; the resume sweep will queue it");
    },
  );
}
