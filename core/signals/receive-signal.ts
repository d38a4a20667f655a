import { createHash } from "node:crypto";
import type { Logger } from "pino";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import { type JobPayload, type JobQueue, jobIds } from "../platform/jobs.ts";
import type { Sql } from "../platform/sql.ts";
import { parseInput } from "../platform/validation.ts";
import { verifyPassphrase } from "../strategies/passphrase.ts";
import type { StrategyLookup } from "../strategies/strategy-lookup.ts";
import { normalizeSymbol } from "./normalize-symbol.ts";
import { recordSignal } from "./record-signal.ts";
import { type SignalBody, signalBodySchema } from "./signal-body.ts";

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

export interface ReceiveSignalDeps {
  db: DbClient;
  /** The pg pool Prisma uses; when given, the webhook's one statement skips Prisma's query engine. */
  sql?: Sql;
  strategies: StrategyLookup;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  /** Identical bodies within this window are one signal (TradingView and proxies do redeliver). */
  dedupeWindowSec: number;
}

/**
 * Validates a webhook delivery, records the signal exactly once and enqueues its fan-out.
 * Nothing is created unless the strategy exists, the body is well-formed and the passphrase matches.
 */
export async function receiveSignal(
  input: { strategy: string; body: unknown },
  deps: ReceiveSignalDeps,
): Promise<ReceivedSignal> {
  let strategy = await deps.strategies.bySlug(input.strategy);
  if (!strategy) throw new AppError("NOT_FOUND", `strategy "${input.strategy}" does not exist`);

  // The passphrase is checked before the rest of the body, so unauthenticated callers learn nothing else.
  const passphrase = (input.body as { passphrase?: unknown } | null)?.passphrase;
  if (typeof passphrase === "string" && passphrase !== "" && !verifyPassphrase(passphrase, strategy.passphraseHash)) {
    // The cached hash may predate a rotation: look once more before refusing.
    strategy = await deps.strategies.bySlug(input.strategy, { fresh: true });
    if (!strategy || !verifyPassphrase(passphrase, strategy.passphraseHash)) {
      throw new AppError("UNAUTHORIZED", "passphrase does not match this strategy");
    }
  }
  const body = parseInput(signalBodySchema, input.body);
  const symbol = normalizeSymbol(body.symbol);

  const now = deps.clock.now();
  const bodyHash = hashBody(body);
  const windowMs = deps.dedupeWindowSec * 1000;
  const dedupeKey = body.id ? `id:${body.id}` : `body:${bodyHash}:${Math.floor(now.getTime() / windowMs)}`;
  const since = new Date(now.getTime() - windowMs);

  const signal = await recordSignal(deps, {
    strategyId: strategy.id,
    dedupeKey,
    bodyHash,
    symbol,
    body,
    now,
    since,
  });
  if (signal.duplicate) {
    deps.logger.info({ signalId: signal.id }, "duplicate signal delivery ignored");
    // If the first delivery died between insert and enqueue, this heals it; the job id makes it a no-op otherwise.
    const queued = signal.status === "received" ? queueFanOut({ signalId: signal.id }, deps) : Promise.resolve();
    return { signalId: signal.id, duplicate: true, queued };
  }
  deps.logger.info({ signalId: signal.id, strategyId: strategy.id, action: body.action, symbol }, "signal received");
  const queued = queueFanOut({ signalId: signal.id, strategyId: strategy.id, action: body.action, symbol }, deps);
  return { signalId: signal.id, duplicate: false, queued };
}

function queueFanOut(data: JobPayload<"fan-out-signal">, deps: ReceiveSignalDeps): Promise<void> {
  return deps.queue.add("fan-out-signal", { data, jobId: jobIds.fanOut(data.signalId) }).then(
    () => undefined,
    (err: unknown) => {
      deps.logger.error({ signalId: data.signalId, err }, "fan-out not queued; the resume sweep will queue it");
    },
  );
}

function hashBody(body: SignalBody): string {
  const { passphrase: _omit, ...rest } = body;
  const canonical = JSON.stringify(
    Object.keys(rest)
      .sort()
      .map((k) => [k, rest[k as keyof typeof rest]]),
  );
  return createHash("sha256").update(canonical).digest("hex");
}
