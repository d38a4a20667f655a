import type { LimitFunction } from "p-limit";
import type { Logger } from "pino";
import type { ExchangeResolver } from "../exchange/exchange-resolver.ts";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { toAppError } from "../platform/errors.ts";
import type { ExecutionLedger } from "./execution-ledger.ts";
import type { ExecutionOutcome } from "./execution-outcome.ts";
import { type LoadedExecution, loadExecution } from "./load-execution.ts";
import { runExecution } from "./run-execution.ts";
import type { SignalCache } from "./signal-cache.ts";

export interface ExecuteSubscriptionDeps {
  db: DbClient;
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
  /** Waited too long for an earlier execution on the symbol: run anyway. */
  overtake?: boolean;
}

/** Set when the execution must wait for an earlier one on its account and symbol: run it again after this. */
export interface ExecuteSubscriptionResult {
  waitMs?: number;
}

const TERMINAL = new Set(["filled", "failed", "skipped"]);

/**
 * Copies one signal to one follower. Throws only to ask for a retry (rate limit, timeout, outage, an order the
 * exchange has not filled yet); every definite outcome, success or failure, is recorded on the execution and the
 * job completes. An execution whose turn has not come (an earlier signal on the symbol is unfinished) returns
 * how long to wait, without spending an attempt.
 */
export async function executeSubscription(
  input: ExecuteSubscriptionInput,
  deps: ExecuteSubscriptionDeps,
): Promise<ExecuteSubscriptionResult> {
  const { ledger } = deps;
  const log = deps.logger;
  const execution = await loadExecution(deps, input.signalId, input.subscriptionId).catch((err: unknown) => {
    // Nothing was sent yet: whatever failed (the database, mostly), the next attempt starts from the same place.
    const error = toAppError(err);
    log.warn({ code: error.code, attempt: input.attempt, err: error.message }, "execution will be retried");
    throw err;
  });
  if (!execution || TERMINAL.has(execution.status)) return {};

  const skip = whyNotExecute(execution);
  if (skip) {
    await finish(ledger, execution.id, input.attempt, { status: "skipped", reason: skip });
    log.info({ executionId: execution.id, reason: skip }, "execution skipped");
    return {};
  }

  try {
    const exchange = deps.exchanges.forAccount(execution.account);
    const lastAttempt = input.attempt >= input.maxAttempts;
    const work = () =>
      runExecution(
        execution,
        { lastAttempt, now: deps.clock.now(), overtake: input.overtake === true },
        { db: deps.db, ledger, exchange, logger: log },
      );
    const outcome = await (deps.slots ? deps.slots(work) : work());
    if (outcome.status === "wait") {
      await ledger.touch(execution.id, outcome.reason);
      log.debug({ executionId: execution.id, reason: outcome.reason }, "execution waits its turn");
      return { waitMs: outcome.retryAfterMs };
    }
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
  return {};
}

/** Only what rules out any work at all; pauses and stale signals only stop entries (see runExecution). */
function whyNotExecute(execution: LoadedExecution): string | null {
  const startedSending = execution.orders.length > 0;
  if (execution.account.status !== "active" && !startedSending) return `account is ${execution.account.status}`;
  return null;
}

function finish(ledger: ExecutionLedger, id: string, attempts: number, outcome: ExecutionOutcome): Promise<void> {
  if (outcome.status === "skipped") return ledger.finish({ id, status: "skipped", error: outcome.reason, attempts });
  if (outcome.status === "failed") {
    return ledger.finish({
      id,
      status: "failed",
      attempts,
      errorCode: outcome.errorCode,
      error: outcome.reason,
      ...outcome.sized,
    });
  }
  if (outcome.status === "wait") throw new Error("a waiting execution is not finished");
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
