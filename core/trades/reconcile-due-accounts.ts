import pLimit from "p-limit";
import type { Logger } from "pino";
import type { ExchangeResolver } from "../exchange/exchange-resolver.ts";
import { guardAccount } from "../guardrails/guard-account.ts";
import type { DbClient } from "../platform/db-client.ts";
import { toAppError } from "../platform/errors.ts";
import type { Sql } from "../platform/sql.ts";
import { type AccountTurn, contactErrorText, recordAccountTurns } from "./exchange-contact.ts";
import { reconcileAccount, watchedTrades } from "./reconcile-account.ts";
import { tradesUnrealisedPnl } from "./unrealised-pnl.ts";

export interface ReconcileRound {
  accounts: number;
  trades: number;
  changed: number;
  failed: number;
  rateLimited: number;
}

export interface ReconcileDeps {
  db: DbClient;
  sql: Sql;
  exchanges: ExchangeResolver;
  logger: Logger;
  now: () => Date;
}

/**
 * Gives every account that has something to reconcile and no turn yet a turn at a random point of the coming
 * interval, so a worker meets a steady trickle of accounts rather than all of them at each interval's start.
 */
export async function scheduleAccounts(deps: Pick<ReconcileDeps, "sql" | "now">, intervalMs: number): Promise<number> {
  const rows = await deps.sql.query<{ id: string }>(
    `UPDATE "ExchangeAccount" a SET "reconcileDueAt" = $1::timestamptz + (random() * $2::int) * interval '1 millisecond'
    WHERE a."reconcileDueAt" IS NULL AND a."status" = 'active' AND a."id" IN (
      SELECT t."accountId" FROM "Trade" t
      WHERE t."status" IN ('open', 'closing')
        OR (t."status" = 'closed' AND t."fillsSyncedAt" IS NULL AND t."entryAmount" > 0
          AND t."closedAt" > $1::timestamptz - interval '1 day')
    )
    RETURNING a."id"`,
    [deps.now().toISOString(), intervalMs],
  );
  return rows.length;
}

/**
 * Takes up to `limit` accounts whose turn has come and moves their next turn one interval on (keeping each
 * account's place in the interval). SKIP LOCKED lets any number of workers share the accounts without overlap.
 */
export async function claimDueAccounts(
  deps: Pick<ReconcileDeps, "sql" | "now">,
  opts: { intervalMs: number; limit: number },
): Promise<{ id: string; exchange: string; credentials: string | null; guarded: boolean }[]> {
  return deps.sql.query(
    `WITH due AS (
      SELECT "id" FROM "ExchangeAccount" WHERE "reconcileDueAt" <= $1::timestamptz
      ORDER BY "reconcileDueAt" LIMIT $3::int FOR UPDATE SKIP LOCKED
    )
    UPDATE "ExchangeAccount" a SET "reconcileDueAt" = CASE
        WHEN a."reconcileDueAt" + $2::int * interval '1 millisecond' > $1::timestamptz
          THEN a."reconcileDueAt" + $2::int * interval '1 millisecond'
        ELSE $1::timestamptz + $2::int * interval '1 millisecond' END
    FROM due WHERE a."id" = due."id"
    RETURNING a."id", a."exchange", a."credentials",
      (a."dailyLossLimitPerc" IS NOT NULL OR a."dailyProfitLockPerc" IS NOT NULL OR a."haltedUntil" IS NOT NULL)
        AS "guarded"`,
    [deps.now().toISOString(), opts.intervalMs, opts.limit],
  );
}

/** One account's turn may be brought forward (a paper trigger moved its position) or pushed back (a 429). */
export async function setReconcileDue(db: DbClient, accountIds: string[], at: Date | null): Promise<void> {
  if (!accountIds.length) return;
  await db.exchangeAccount.updateMany({ where: { id: { in: accountIds } }, data: { reconcileDueAt: at } });
}

/** Reconciles the accounts whose turn has come, a few at a time; one account failing holds up no other. */
export async function reconcileDueAccounts(
  deps: ReconcileDeps,
  opts: { intervalMs: number; limit: number; concurrency: number },
): Promise<ReconcileRound> {
  const accounts = await claimDueAccounts(deps, opts);
  const round: ReconcileRound = { accounts: accounts.length, trades: 0, changed: 0, failed: 0, rateLimited: 0 };
  if (!accounts.length) return round;
  const watched = await watchedTrades(
    deps.sql,
    accounts.map((a) => a.id),
  );
  // What each account's turn found, written for the whole round in one statement at its end.
  const turns = new Map<string, AccountTurn>();
  const turn = (id: string, t: Partial<AccountTurn>) =>
    turns.set(id, { tried: false, error: null, idle: false, dueAt: null, unrealisedPnl: null, ...turns.get(id), ...t });
  const limit = pLimit(opts.concurrency);
  await Promise.all(
    accounts.map((account) =>
      limit(async () => {
        const logger = deps.logger.child({ accountId: account.id });
        try {
          const exchange = deps.exchanges.forAccount(account);
          const trades = watched.get(account.id) ?? [];
          if (!trades.length) return void turn(account.id, { idle: true });
          turn(account.id, { tried: true });
          const result = await reconcileAccount({ accountId: account.id, trades }, { ...deps, exchange, logger });
          // After the trades are brought up to date, so that a close this turn saw counts as realised.
          if (account.guarded) {
            const { positions } = result;
            await guardAccount(
              { accountId: account.id, trades, positions },
              { ...deps, exchange, logger, now: deps.now() },
            );
          }
          // From the trades as the turn began: one it closed has no position left, so it adds nothing.
          const unrealised = tradesUnrealisedPnl(trades, result.positions);
          if (unrealised) turn(account.id, { unrealisedPnl: unrealised.toString() });
          round.trades += result.trades;
          round.changed += result.changed;
          if (!result.active) turn(account.id, { idle: true });
        } catch (err) {
          const error = toAppError(err);
          round.failed += 1;
          turn(account.id, { tried: true, error: contactErrorText(error) });
          if (error.code === "RATE_LIMITED") {
            // Only this account backs off; the others keep their turns.
            round.rateLimited += 1;
            const wait = Math.max(error.retryAfterMs ?? 0, opts.intervalMs);
            turn(account.id, { dueAt: new Date(deps.now().getTime() + wait) });
          }
          logger.warn({ code: error.code, err: error.message }, "reconciliation failed; next turn tries again");
        }
      }),
    ),
  );
  // Accounts left with nothing to watch have no turns until a trade opens there again (scheduleAccounts).
  await recordAccountTurns(deps.sql, deps.now(), turns);
  return round;
}
