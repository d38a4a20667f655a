import type { LimitFunction } from "p-limit";
import type { Logger } from "pino";
import type { ExchangeResolver } from "../exchange/exchange-resolver.ts";
import type { Clock } from "../platform/clock.ts";
import { toAppError } from "../platform/errors.ts";
import { closePosition } from "./close-position.ts";
import type { ExecutionLedger } from "./execution-ledger.ts";
import { type LoadedExecution, loadExecution } from "./load-execution.ts";
import { type ExecutionOutcome, openPosition } from "./open-position.ts";
import type { SignalCache } from "./signal-cache.ts";

export interface ExecuteSubscriptionDeps {
  ledger: ExecutionLedger;
  signals: SignalCache;
  exchanges: ExchangeResolver;
  clock: Clock;
  logger: Logger;
  /**
   * Shared by everything this process executes: bounds the followers whose exchange work (the order's durable
   * "sending" row, then the exchange) is in flight. Reading the execution before and recording its outcome
   * after hold no slot: each is a batched database round trip, and holding a slot through them left the
   * exchange idle for two of them per follower.
   */
  slots?: LimitFunction;
}

export interface ExecuteSubscriptionInput {
  signalId: string;
  subscriptionId: string;
  /** 1-based; on the last attempt a retryable failure is recorded as final instead of thrown. */
  attempt: number;
  maxAttempts: number;
}

const TERMINAL = new Set(["filled", "failed", "skipped"]);

/**
 * Copies one signal to one follower. Throws only to ask for a retry (rate limit, timeout, outage);
 * every definite outcome, success or failure, is recorded on the execution and the job completes.
 */
export async function executeSubscription(
  input: ExecuteSubscriptionInput,
  deps: ExecuteSubscriptionDeps,
): Promise<void> {
  const { ledger } = deps;
  const log = deps.logger;
  const execution = await loadExecution(deps, input.signalId, input.subscriptionId).catch((err: unknown) => {
    // Nothing was sent yet: whatever failed (the database, mostly), the next attempt starts from the same place.
    const error = toAppError(err);
    log.warn({ code: error.code, attempt: input.attempt, err: error.message }, "execution will be retried");
    throw err;
  });
  if (!execution || TERMINAL.has(execution.status)) return;

  const skip = whyNotExecute(execution, deps.clock.now());
  if (skip) {
    await finish(ledger, execution.id, input.attempt, { status: "skipped", reason: skip });
    log.info({ executionId: execution.id, reason: skip }, "execution skipped");
    return;
  }

  try {
    const exchange = deps.exchanges.forAccount(execution.account);
    const run = execution.signal.action === "close" ? closePosition : openPosition;
    const work = () => run(execution, { ledger, exchange, logger: log });
    const outcome = await (deps.slots ? deps.slots(work) : work());
    await finish(ledger, execution.id, input.attempt, outcome);
    // Per-follower success is in the database; at info level a 10,000-follower fan-out would flood the log.
    log.debug({ executionId: execution.id, status: outcome.status }, "execution finished");
  } catch (err) {
    const error = toAppError(err);
    if (error.retryable && input.attempt < input.maxAttempts) {
      log.warn(
        { executionId: execution.id, code: error.code, attempt: input.attempt, err: error.message },
        "execution will be retried",
      );
      throw error;
    }
    await ledger.finish({
      id: execution.id,
      status: "failed",
      errorCode: error.code,
      error: error.message,
      attempts: input.attempt,
    });
    log.warn({ executionId: execution.id, code: error.code, err: error.message }, "execution failed");
  }
}

function whyNotExecute(execution: LoadedExecution, now: Date): string | null {
  const { signal, subscription, account } = execution;
  if (account.status !== "active") return `account is ${account.status}`;
  if (subscription.status !== "active") return "subscription is paused";
  // Closes always run: a late close still reduces risk, a late entry opens a position at a stale price.
  const startedSending = execution.orders.length > 0;
  if (signal.action !== "close" && !startedSending) {
    const ageSec = (now.getTime() - signal.receivedAt.getTime()) / 1000;
    const maxAge = signal.strategy.maxSignalAgeSec;
    if (ageSec > maxAge) return `signal was ${Math.round(ageSec)} s old when its turn came, over the ${maxAge} s limit`;
  }
  return null;
}

function finish(ledger: ExecutionLedger, id: string, attempts: number, outcome: ExecutionOutcome): Promise<void> {
  if (outcome.status === "skipped") return ledger.finish({ id, status: "skipped", error: outcome.reason, attempts });
  return ledger.finish({
    id,
    status: outcome.status,
    attempts,
    filledAmount: outcome.filledAmount,
    avgPrice: outcome.avgPrice,
    error: outcome.warning ?? null,
    ...outcome.sized,
  });
}
