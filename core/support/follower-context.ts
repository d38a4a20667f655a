import type { DbClient } from "../platform/db-client.ts";
import { redactSecrets } from "./redact.ts";

/**
 * What the answer may know about the asker, and nothing else: their own accounts (venue and status, never keys or
 * labels they typed), their subscriptions with the settings people ask about, and their last failed execution.
 * It goes to the model as JSON data and is kept on a ticket for the admin.
 */
export interface FollowerContext {
  accounts: Array<{ venue: string; status: string }>;
  subscriptions: Array<{
    strategy: string;
    status: string;
    venue: string;
    sizing: string;
    maxLeverage: number | null;
    dcaEnabled: boolean;
    trailingMode: string | null;
  }>;
  lastFailedExecution: {
    at: string;
    strategy: string;
    symbol: string;
    action: string;
    errorCode: string | null;
    reason: string | null;
  } | null;
}

export async function loadFollowerContext(userId: string, deps: { db: DbClient }): Promise<FollowerContext> {
  const { db } = deps;
  const [accounts, subscriptions, failed] = await Promise.all([
    db.exchangeAccount.findMany({
      where: { userId, status: { not: "removed" } },
      select: { exchange: true, status: true },
      orderBy: { createdAt: "asc" },
      take: 20,
    }),
    db.subscription.findMany({
      where: { account: { userId, status: { not: "removed" } } },
      select: {
        status: true,
        sizingMode: true,
        sizingValue: true,
        maxLeverage: true,
        dcaEnabled: true,
        trailingMode: true,
        strategy: { select: { name: true } },
        account: { select: { exchange: true } },
      },
      orderBy: { createdAt: "asc" },
      take: 20,
    }),
    db.execution.findFirst({
      where: { account: { userId }, status: "failed" },
      orderBy: { updatedAt: "desc" },
      select: {
        updatedAt: true,
        errorCode: true,
        error: true,
        signal: { select: { symbol: true, action: true, strategy: { select: { name: true } } } },
      },
    }),
  ]);
  return {
    accounts: accounts.map((a) => ({ venue: a.exchange, status: a.status })),
    subscriptions: subscriptions.map((s) => ({
      strategy: s.strategy.name,
      status: s.status,
      venue: s.account.exchange,
      sizing: s.sizingValue === null ? s.sizingMode : `${s.sizingMode} ${s.sizingValue.toString()}`,
      maxLeverage: s.maxLeverage,
      dcaEnabled: s.dcaEnabled,
      trailingMode: s.trailingMode,
    })),
    lastFailedExecution: failed && {
      at: failed.updatedAt.toISOString(),
      strategy: failed.signal.strategy.name,
      symbol: failed.signal.symbol,
      action: failed.signal.action,
      errorCode: failed.errorCode,
      // An exchange's message may echo what it was sent; it reaches the model redacted and short.
      reason: failed.error === null ? null : redactSecrets(failed.error).text.slice(0, 300),
    },
  };
}
