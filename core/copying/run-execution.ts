import type { Logger } from "pino";
import type { Order } from "../../generated/prisma/client.ts";
import { planEntryRefusal } from "../billing/plan-grace.ts";
import type { ExchangeClient, PositionSide } from "../exchange/exchange.ts";
import { haltedEntryReason } from "../guardrails/guardrail-state.ts";
import { clientOrderIdFor } from "../orders/client-order-id.ts";
import type { DbClient } from "../platform/db-client.ts";
import { decOrNull } from "../platform/decimal.ts";
import { closeTrade } from "../trades/close-trade.ts";
import { openTrade } from "../trades/open-trade.ts";
import { heldBy } from "../trades/open-trade-checks.ts";
import type { ExecutionLedger } from "./execution-ledger.ts";
import type { ExecutionOutcome } from "./execution-outcome.ts";
import type { LoadedExecution } from "./load-execution.ts";

type Deps = { db: DbClient; ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger };

/** How soon an execution that waits for an earlier one on its symbol looks again. */
export const TURN_POLL_MS = 500;

/**
 * What one follower's execution of a signal does with the account's trade in the symbol:
 * - an entry opens a trade; an entry against the strategy's own opposite trade reverses it (close, then open);
 * - a close closes only that strategy's trade;
 * - another strategy's trade in the symbol blocks an entry, and a same-side entry is a duplicate;
 * - pausing, a daily guardrail's halt and a stale signal stop opening only: closes and a reversal's close leg run;
 * - nothing overtakes an earlier signal on the account and symbol that has not finished.
 */
export async function runExecution(
  execution: LoadedExecution,
  ctx: { lastAttempt: boolean; now: Date; overtake?: boolean },
  deps: Deps,
): Promise<ExecutionOutcome> {
  const { signal, subscription, liveTrade } = execution;
  const started = execution.orders.length > 0;
  if (
    !started &&
    !ctx.overtake &&
    (execution.mustWait || liveTrade?.status === "opening" || liveTrade?.status === "closing")
  ) {
    return { status: "wait", retryAfterMs: TURN_POLL_MS, reason: `waiting for an earlier signal on ${signal.symbol}` };
  }
  const mine = liveTrade && liveTrade.strategyId === subscription.strategyId ? liveTrade : null;
  const closeOrder = execution.orders.find((o) => o.kind === "close") ?? null;

  if (signal.action === "close") {
    const tradeId = closeOrder?.tradeId ?? mine?.id;
    if (!tradeId) return { status: "skipped", reason: `no open trade of this strategy in ${signal.symbol} to close` };
    const { trade, result, requestedAmount } = await closeLeg(tradeId, "signal", closeOrder, execution, ctx, deps);
    if (!result) {
      return { status: "skipped", reason: `the trade in ${signal.symbol} was already closed (${trade.closeReason})` };
    }
    return {
      status: "filled",
      filledAmount: result.filledAmount,
      avgPrice: result.avgPrice,
      sized: {
        side: result.side,
        leverage: null,
        requestedAmount,
        referencePrice: decOrNull(signal.price) ?? undefined,
      },
    };
  }

  const side: PositionSide = signal.action === "short" ? "short" : "long";
  const entryStarted = execution.orders.some((o) => o.kind === "entry");
  if (!entryStarted) {
    if (liveTrade && !mine)
      return { status: "skipped", reason: heldBy(signal.symbol, liveTrade.strategyName, liveTrade.side) };
    if (mine && mine.side === side) {
      return {
        status: "skipped",
        reason: `already ${side} ${signal.symbol} for this strategy; the signal is a duplicate`,
      };
    }
  }
  let reversed: string | undefined;
  if (!entryStarted && ((mine && mine.side !== side) || closeOrder)) {
    const tradeId = closeOrder?.tradeId ?? (mine?.id as string);
    const { trade, result } = await closeLeg(tradeId, "reversal", closeOrder, execution, ctx, deps);
    reversed = result
      ? `reversed: closed the ${trade.side} trade (${trade.exitAmount.toString()} @ ${trade.exitPrice?.toString() ?? "market"})`
      : undefined;
  }
  const notOpening = entryStarted ? null : whyNotOpen(execution, ctx.now);
  if (notOpening) {
    if (!reversed) return { status: "skipped", reason: notOpening };
    return { status: "skipped", reason: `${reversed}; not reopened: ${notOpening}` };
  }
  const opened = await openTrade({ execution, side, lastAttempt: ctx.lastAttempt, now: ctx.now }, deps);
  if (!reversed || opened.status === "wait") return opened;
  if (opened.status === "skipped") return { status: "skipped", reason: `${reversed}; ${opened.reason}` };
  if (opened.status === "failed") return { ...opened, reason: `${reversed}; the new entry failed: ${opened.reason}` };
  return { ...opened, warning: [reversed, opened.warning].filter(Boolean).join("; ") };
}

function closeLeg(
  tradeId: string,
  reason: "signal" | "reversal",
  existing: Order | null,
  execution: LoadedExecution,
  ctx: { lastAttempt: boolean },
  deps: Deps,
) {
  const { signal } = execution;
  return closeTrade(
    {
      tradeId,
      reason,
      executionId: execution.id,
      clientOrderId: existing?.clientOrderId ?? closeClientOrderId(execution),
      kind: "close",
      existing,
      referencePrice: decOrNull(signal.price) ?? undefined,
      lastAttempt: ctx.lastAttempt,
    },
    deps,
  );
}

/** A close's main order carries the execution's own id; a reversal's close leg its "close" leg id. */
function closeClientOrderId(execution: LoadedExecution): string {
  if (execution.signal.action === "close") return execution.clientOrderId;
  return clientOrderIdFor(execution.signalId, execution.subscriptionId, "close");
}

/**
 * Pausing stops new entries, so does a tripped daily guardrail until 00:00 UTC and a lapsed plan past its grace
 * (both read with the execution, in the batched load), and so does age: a late entry opens at a stale price. Age counts from when the
 * signal was made: the sender's own time (`sentAt`, a provider's timestamp) when it is earlier than our receipt.
 */
function whyNotOpen(execution: LoadedExecution, now: Date): string | null {
  if (execution.subscription.status !== "active") return `subscription is ${execution.subscription.status}`;
  const { haltedUntil, haltReason } = execution.account;
  if (haltedUntil && haltedUntil > now) return haltedEntryReason(haltReason);
  const reason = planEntryRefusal(execution.plan, now);
  if (reason) return reason;
  const { sentAt, receivedAt } = execution.signal;
  const madeAt = Math.min(receivedAt.getTime(), sentAt?.getTime() ?? Number.POSITIVE_INFINITY);
  const ageSec = (now.getTime() - madeAt) / 1000;
  const maxAge = execution.signal.strategy.maxSignalAgeSec;
  if (ageSec > maxAge) return `signal was ${Math.round(ageSec)} s old when its turn came, over the ${maxAge} s limit`;
  return null;
}
