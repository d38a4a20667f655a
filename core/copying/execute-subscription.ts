import type { Logger } from "pino";
import type { ExchangeResolver } from "../exchange/exchange-resolver.ts";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { toAppError } from "../platform/errors.ts";
import { closePosition } from "./close-position.ts";
import { type LoadedExecution, loadExecution } from "./load-execution.ts";
import { type ExecutionOutcome, openPosition } from "./open-position.ts";

export interface ExecuteSubscriptionDeps {
  db: DbClient;
  exchanges: ExchangeResolver;
  clock: Clock;
  logger: Logger;
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
  const { db } = deps;
  const execution = await loadExecution(db, input.signalId, input.subscriptionId);
  if (!execution || TERMINAL.has(execution.status)) return;
  const log = deps.logger.child({ executionId: execution.id, accountId: execution.accountId });

  await db.execution.update({ where: { id: execution.id }, data: { attempts: { increment: 1 } } });

  const skip = whyNotExecute(execution, deps.clock.now());
  if (skip) {
    await finish(db, execution.id, { status: "skipped", reason: skip });
    log.info({ reason: skip }, "execution skipped");
    return;
  }

  try {
    const exchange = deps.exchanges.forAccount(execution.account);
    const run = execution.signal.action === "close" ? closePosition : openPosition;
    const outcome = await run(execution, { db, exchange, logger: log });
    await finish(db, execution.id, outcome);
    log.info({ status: outcome.status }, "execution finished");
  } catch (err) {
    const error = toAppError(err);
    if (error.retryable && input.attempt < input.maxAttempts) {
      log.warn({ code: error.code, attempt: input.attempt, err: error.message }, "execution will be retried");
      throw error;
    }
    await db.execution.update({
      where: { id: execution.id },
      data: { status: "failed", errorCode: error.code, error: error.message },
    });
    log.warn({ code: error.code, err: error.message }, "execution failed");
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

async function finish(db: DbClient, executionId: string, outcome: ExecutionOutcome): Promise<void> {
  await db.execution.update({
    where: { id: executionId },
    data:
      outcome.status === "skipped"
        ? { status: "skipped", error: outcome.reason }
        : {
            status: outcome.status,
            filledAmount: outcome.filledAmount.toString(),
            avgPrice: outcome.avgPrice?.toString(),
            error: outcome.warning ?? null,
          },
  });
}
