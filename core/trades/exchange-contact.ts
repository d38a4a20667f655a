import type { AppError } from "../platform/errors.ts";
import type { Sql } from "../platform/sql.ts";

/** What a reconciliation round did with one account, written for every account of the round at once. */
export interface AccountTurn {
  /** The exchange was tried for it; `error` is null when it answered. */
  tried: boolean;
  error: string | null;
  /** Nothing left to watch: no turns until a trade opens there again. */
  idle: boolean;
  /** Its next turn, pushed back (a 429). */
  dueAt: Date | null;
  /** Mimic's open trades' unrealised PnL at this turn's marks (unrealised-pnl.ts); null: not measured. */
  unrealisedPnl: string | null;
}

const PLAIN: Partial<Record<AppError["code"], string>> = {
  INVALID_KEY: "the exchange refused the API key: invalid, revoked or without permission",
  RATE_LIMITED: "the exchange asked Mimic to slow down (rate limit); trying again later",
  EXCHANGE_UNAVAILABLE: "the exchange is unavailable or did not answer in time",
  EXCHANGE_UNCERTAIN: "the exchange did not answer in time",
  INTERNAL: "Mimic could not finish the check (see the worker's log)",
};

/**
 * Why the exchange could not be reached, in words an operator reads on the admin page. Messages come from
 * mapCcxtError, which already redacts keys and signatures; they are cut short, since a venue's body can be long.
 */
export function contactErrorText(error: AppError): string {
  return PLAIN[error.code] ?? error.message.slice(0, 300);
}

/**
 * One statement per round for every account it took: exchange contact (tried, answered, the error), accounts
 * left with nothing to watch, turns pushed back. A statement per account would cost a round trip each.
 */
export async function recordAccountTurns(sql: Sql, at: Date, turns: Map<string, AccountTurn>): Promise<void> {
  if (!turns.size) return;
  const rows = [...turns];
  const col = <T>(f: (t: AccountTurn) => T) => rows.map(([, t]) => f(t));
  // Timestamps as ISO strings read as UTC, the way Prisma stores DateTime (timestamp(3) without time zone).
  await sql.query(
    `UPDATE "ExchangeAccount" a SET
      "lastContactTriedAt" = CASE WHEN v.tried THEN ($1::timestamptz AT TIME ZONE 'UTC') ELSE a."lastContactTriedAt" END,
      "lastContactAt" = CASE WHEN v.tried AND v.error IS NULL THEN ($1::timestamptz AT TIME ZONE 'UTC')
        ELSE a."lastContactAt" END,
      "lastContactError" = CASE WHEN v.tried THEN v.error ELSE a."lastContactError" END,
      "reconcileDueAt" = CASE WHEN v.idle THEN NULL
        WHEN v.due IS NOT NULL THEN (v.due::timestamptz AT TIME ZONE 'UTC') ELSE a."reconcileDueAt" END,
      "unrealisedPnl" = CASE WHEN v.idle THEN 0 WHEN v.upnl IS NOT NULL THEN v.upnl::numeric
        ELSE a."unrealisedPnl" END
    FROM unnest($2::text[], $3::boolean[], $4::text[], $5::boolean[], $6::text[], $7::text[])
      AS v(id, tried, error, idle, due, upnl)
    WHERE a."id" = v.id`,
    [
      at.toISOString(),
      rows.map(([id]) => id),
      col((t) => t.tried),
      col((t) => t.error),
      col((t) => t.idle),
      col((t) => t.dueAt?.toISOString() ?? null),
      col((t) => t.unrealisedPnl),
    ],
  );
}
