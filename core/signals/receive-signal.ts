import { createHash } from "node:crypto";
import type { Logger } from "pino";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import { type JobQueue, jobIds } from "../platform/jobs.ts";
import { isUniqueViolation } from "../platform/prisma-errors.ts";
import { parseInput } from "../platform/validation.ts";
import { verifyPassphrase } from "../strategies/passphrase.ts";
import { normalizeSymbol } from "./normalize-symbol.ts";
import { type SignalBody, signalBodySchema } from "./signal-body.ts";

export interface ReceivedSignal {
  signalId: string;
  duplicate: boolean;
}

export interface ReceiveSignalDeps {
  db: DbClient;
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
  const strategy = await deps.db.strategy.findUnique({
    where: { slug: input.strategy },
    select: { id: true, passphraseHash: true },
  });
  if (!strategy) throw new AppError("NOT_FOUND", `strategy "${input.strategy}" does not exist`);

  // The passphrase is checked before the rest of the body, so unauthenticated callers learn nothing else.
  const passphrase = (input.body as { passphrase?: unknown } | null)?.passphrase;
  if (typeof passphrase === "string" && passphrase !== "" && !verifyPassphrase(passphrase, strategy.passphraseHash)) {
    throw new AppError("UNAUTHORIZED", "passphrase does not match this strategy");
  }
  const body = parseInput(signalBodySchema, input.body);
  const symbol = normalizeSymbol(body.symbol);

  const now = deps.clock.now();
  const bodyHash = hashBody(body);
  const windowMs = deps.dedupeWindowSec * 1000;
  const dedupeKey = body.id ? `id:${body.id}` : `body:${bodyHash}:${Math.floor(now.getTime() / windowMs)}`;

  const existing = await findDuplicate({ strategyId: strategy.id, dedupeKey, bodyHash, now, windowMs, body }, deps);
  if (existing) return redelivered(existing, deps);

  try {
    const signal = await deps.db.signal.create({
      data: {
        strategyId: strategy.id,
        dedupeKey,
        bodyHash,
        action: body.action,
        rawSymbol: body.symbol,
        symbol,
        riskPerc: body.risk_perc,
        leverage: body.leverage,
        tpPerc: body.tp_perc,
        slPerc: body.sl_perc,
        price: body.price,
        qty: body.qty,
        receivedAt: now,
      },
      select: { id: true },
    });
    await deps.queue.add("fan-out-signal", { data: { signalId: signal.id }, jobId: jobIds.fanOut(signal.id) });
    deps.logger.info({ signalId: signal.id, strategyId: strategy.id, action: body.action, symbol }, "signal received");
    return { signalId: signal.id, duplicate: false };
  } catch (err) {
    // A concurrent delivery of the same signal won the insert: answer with its id.
    if (!isUniqueViolation(err)) throw err;
    const winner = await deps.db.signal.findUnique({
      where: { strategyId_dedupeKey: { strategyId: strategy.id, dedupeKey } },
      select: { id: true, status: true },
    });
    if (!winner) throw err;
    return redelivered(winner, deps);
  }
}

async function findDuplicate(
  q: { strategyId: string; dedupeKey: string; bodyHash: string; now: Date; windowMs: number; body: SignalBody },
  deps: ReceiveSignalDeps,
) {
  if (q.body.id) {
    return deps.db.signal.findUnique({
      where: { strategyId_dedupeKey: { strategyId: q.strategyId, dedupeKey: q.dedupeKey } },
      select: { id: true, status: true },
    });
  }
  // The bucketed key alone would let a redelivery straddling a bucket boundary through; this look-back closes it.
  return deps.db.signal.findFirst({
    where: {
      strategyId: q.strategyId,
      bodyHash: q.bodyHash,
      receivedAt: { gte: new Date(q.now.getTime() - q.windowMs) },
      dedupeKey: { startsWith: "body:" },
    },
    select: { id: true, status: true },
    orderBy: { receivedAt: "desc" },
  });
}

async function redelivered(signal: { id: string; status: string }, deps: ReceiveSignalDeps): Promise<ReceivedSignal> {
  // If the first delivery crashed between insert and enqueue, this heals it; the job id makes it a no-op otherwise.
  if (signal.status === "received") {
    await deps.queue.add("fan-out-signal", { data: { signalId: signal.id }, jobId: jobIds.fanOut(signal.id) });
  }
  deps.logger.info({ signalId: signal.id }, "duplicate signal delivery ignored");
  return { signalId: signal.id, duplicate: true };
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
