import pLimit from "p-limit";
import type { Logger } from "pino";
import { createExecutionLedger, type ExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExchangeClient, Position } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";
import { dec } from "../platform/decimal.ts";
import { isAppError } from "../platform/errors.ts";
import type { LiveEventPublisher } from "../platform/live-events.ts";
import type { Sql } from "../platform/sql.ts";
import { followEntries } from "./follow-entries.ts";
import { followStop, type StopWatch, TRAIL_FROM } from "./follow-stop.ts";
import { reconcileTrade } from "./reconcile-trade.ts";
import { stopAuditDue, tradesMissingStops } from "./stop-audit.ts";

/** A close in flight this recently is its execution's business, not reconciliation's. */
const CLOSING_GRACE = "60 seconds";
/** Closed trades whose fees are still to be read are looked at for this long. */
const FEE_SYNC_WINDOW = "1 day";
/** An account's trades that reconciliation works on at once. */
const TRADES_AT_ONCE = 4;

/** What reconciliation needs of an account's trade to decide whether to look closer (and to follow its stop). */
export interface WatchedTrade extends StopWatch {
  id: string;
  accountId: string;
  symbol: string;
  side: string;
  status: "opening" | "open" | "closing" | "closed";
  openAmount: string;
  /** A close that has been in flight past the grace: reconciliation finds out what happened. */
  staleClose: boolean;
  /** Closed, with the exchange's fills (fees) not read yet. */
  unsynced: boolean;
  /** Limit entries (a zone's, DCA orders) rest for it; the zone's end (ISO text), if it has one. */
  restingEntries: boolean;
  entryDeadline: string | null;
  /** It holds more than its TP/SL were placed for (a crash came between a fill and its protection). */
  protectPending: boolean;
}

// A stop move (revision > 0, see move-stop.ts) is unfinished when its order is not placed yet, or is placed while an
// older stop still rests. Only trades whose stop ever moved are looked at.
const STOP_PENDING = `(CASE WHEN t."status" = 'open' AND t."stopRevision" > 0 THEN (
    NOT EXISTS (SELECT 1 FROM "Order" c WHERE c."tradeId" = t."id" AND c."kind" = 'stop_loss'
      AND c."leg" = t."stopRevision" AND c."status" <> 'sending')
    OR (EXISTS (SELECT 1 FROM "Order" c WHERE c."tradeId" = t."id" AND c."kind" = 'stop_loss'
        AND c."leg" = t."stopRevision" AND c."status" = 'open')
      AND EXISTS (SELECT 1 FROM "Order" o WHERE o."tradeId" = t."id" AND o."kind" = 'stop_loss'
        AND o."leg" < t."stopRevision" AND o."status" IN ('open', 'sending')))
  ) ELSE false END)`;

/** Every trade of these accounts that reconciliation watches, in one statement for a whole round. */
export async function watchedTrades(sql: Sql, accountIds: string[]): Promise<Map<string, WatchedTrade[]>> {
  const rows = await sql.query<WatchedTrade>(
    `SELECT t."id", t."accountId", t."symbol", t."side", t."status"::text AS "status",
      t."openAmount"::text AS "openAmount",
      (t."status" = 'closing' AND t."updatedAt" < now() - interval '${CLOSING_GRACE}') AS "staleClose",
      (t."status" = 'closed') AS "unsynced",
      ${TRAIL_FROM} AS "trailFrom", ${STOP_PENDING} AS "stopPending",
      -- Only a trade with a plan (a zone, DCA) ever has resting entries: the others skip the look.
      (t."status" = 'open' AND t."plan" IS NOT NULL AND EXISTS (SELECT 1 FROM "Order" r WHERE r."tradeId" = t."id"
        AND r."kind" IN ('entry', 'dca') AND r."type" = 'limit' AND r."status" = 'open')) AS "restingEntries",
      to_char(t."entryDeadline", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "entryDeadline",
      (t."status" = 'open' AND t."plan" IS NOT NULL AND t."entryAmount" > t."protectedAmount") AS "protectPending"
    FROM "Trade" t
    WHERE t."accountId" = ANY($1::text[]) AND (t."status" IN ('opening', 'open', 'closing')
      OR (t."status" = 'closed' AND t."fillsSyncedAt" IS NULL AND t."entryAmount" > 0
        AND t."closedAt" > now() - interval '${FEE_SYNC_WINDOW}'))`,
    [accountIds],
  );
  const byAccount = new Map<string, WatchedTrade[]>(accountIds.map((id) => [id, []]));
  for (const r of rows) byAccount.get(r.accountId)?.push(r);
  return byAccount;
}

export interface AccountReconciliation {
  /** Trades compared with the exchange. */
  trades: number;
  /** Trades the exchange had changed (triggered, liquidated, closed or resized by hand). */
  changed: number;
  /** True while the account still has anything for reconciliation to watch. */
  active: boolean;
  /** The positions this turn read (null: it read none), for what else measures the account (guardrails). */
  positions: Position[] | null;
}

/**
 * Compares one account's open trades with the exchange in one positions request, and only for trades whose
 * position shrank or vanished asks further (their TP/SL, the symbol's fills). Steady state costs one request per
 * account per cycle, whatever the number of trades. Closed trades get their exchange fills (fees) read once.
 */
export async function reconcileAccount(
  input: { accountId: string; trades: WatchedTrade[] },
  deps: { db: DbClient; exchange: ExchangeClient; logger: Logger } & ({ ledger: ExecutionLedger } | { sql: Sql }),
): Promise<AccountReconciliation> {
  // The entry point may add the live-events bus to these deps, so that closes found here reach the admin page.
  const events = (deps as { events?: LiveEventPublisher }).events;
  // Stops moved here are orders like any other, written "sending" before they leave.
  const ledger = "ledger" in deps ? deps.ledger : createExecutionLedger(deps.db, deps.sql, { events });
  const withLedger = { ...deps, ledger };
  const live = input.trades.filter((t) => t.status === "open" || t.staleClose);
  // Trades this turn saw end (or get their fills read); every other watched one keeps the account in turns.
  const settled = new Set<string>();
  let changed = 0;
  let positions: Position[] | null = null;
  if (live.length) {
    const read = await deps.exchange.fetchPositions();
    positions = read;
    const auditEvery = (deps as { stopAuditEvery?: number }).stopAuditEvery;
    const audited = live.filter((t) => t.status === "open");
    const lostStops =
      audited.length && stopAuditDue(input.accountId, Date.now(), auditEvery)
        ? await tradesMissingStops(audited, deps)
        : new Set<string>();
    // Trades in different symbols are independent: a few at once, so an account whose ladders filled (several
    // look-ups and cancels each) does not hold up the round it is in.
    const perTrade = pLimit(TRADES_AT_ONCE);
    const done = await Promise.allSettled(
      live.map((trade) =>
        perTrade(async () => {
          const position = read.find((p) => p.symbol === trade.symbol && p.side === trade.side) ?? null;
          if (trade.status === "open" && (trade.restingEntries || trade.protectPending)) {
            const entries = await followRestingEntries(trade, position, withLedger);
            if (entries === "followed") changed += 1;
            if (entries !== "unchanged") return;
          }
          const stopGone = lostStops.has(trade.id);
          if (position?.contracts.gte(dec(trade.openAmount)) && trade.status === "open" && !stopGone) {
            await followStop(trade, position, withLedger).catch((err: unknown) => {
              // One trade's stop that cannot move now is tried again next turn; a 429 backs the account off.
              if (isAppError(err, "RATE_LIMITED")) throw err;
              deps.logger.warn({ tradeId: trade.id, err }, "stop not followed this turn");
            });
            return;
          }
          changed += 1;
          const after = await reconcileTrade({ tradeId: trade.id, position }, withLedger);
          if (after.status === "closed" && after.fillsSyncedAt) settled.add(trade.id);
        }),
      ),
    );
    // Every trade had its go; the first failure fails the turn (a 429 backs the account off).
    const failed = done.find((d) => d.status === "rejected");
    if (failed) throw failed.reason;
  }
  for (const trade of input.trades.filter((t) => t.unsynced)) {
    const after = await reconcileTrade({ tradeId: trade.id, position: null }, withLedger);
    if (after.fillsSyncedAt) settled.add(trade.id);
  }
  const active = input.trades.some((t) => !settled.has(t.id));
  return { trades: live.length, changed, active, positions };
}

/**
 * A trade with resting limit entries: followed when its position grew beyond what it holds (one of them filled),
 * its zone's time ran out, or its protection lags; no request otherwise. With nothing filled yet there is no
 * position to compare, and none is expected ("waiting").
 */
async function followRestingEntries(
  trade: WatchedTrade,
  position: Position | null,
  deps: Parameters<typeof followEntries>[1],
): Promise<"followed" | "waiting" | "unchanged"> {
  const now = new Date();
  const grown = !!position && position.contracts.gt(dec(trade.openAmount));
  const due = trade.entryDeadline !== null && Date.parse(trade.entryDeadline) <= now.getTime();
  if (grown || due || trade.protectPending) {
    await followEntries({ tradeId: trade.id, now }, deps);
    return "followed";
  }
  return !position && !dec(trade.openAmount).gt(0) ? "waiting" : "unchanged";
}
