import type { Logger } from "pino";
import type { ExchangeClient } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";
import { dec } from "../platform/decimal.ts";
import type { Sql } from "../platform/sql.ts";
import { reconcileTrade } from "./reconcile-trade.ts";

/** A close in flight this recently is its execution's business, not reconciliation's. */
const CLOSING_GRACE = "60 seconds";
/** Closed trades whose fees are still to be read are looked at for this long. */
const FEE_SYNC_WINDOW = "1 day";

/** What reconciliation needs of an account's trade to decide whether to look closer. */
export interface WatchedTrade {
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
}

/** Every trade of these accounts that reconciliation watches, in one statement for a whole round. */
export async function watchedTrades(sql: Sql, accountIds: string[]): Promise<Map<string, WatchedTrade[]>> {
  const rows = await sql.query<WatchedTrade>(
    `SELECT t."id", t."accountId", t."symbol", t."side", t."status"::text AS "status",
      t."openAmount"::text AS "openAmount",
      (t."status" = 'closing' AND t."updatedAt" < now() - interval '${CLOSING_GRACE}') AS "staleClose",
      (t."status" = 'closed') AS "unsynced"
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
}

/**
 * Compares one account's open trades with the exchange in one positions request, and only for trades whose
 * position shrank or vanished asks further (their TP/SL, the symbol's fills). Steady state costs one request per
 * account per cycle, whatever the number of trades. Closed trades get their exchange fills (fees) read once.
 */
export async function reconcileAccount(
  input: { accountId: string; trades: WatchedTrade[] },
  deps: { db: DbClient; exchange: ExchangeClient; logger: Logger },
): Promise<AccountReconciliation> {
  const live = input.trades.filter((t) => t.status === "open" || t.staleClose);
  // Trades this turn saw end (or get their fills read); every other watched one keeps the account in turns.
  const settled = new Set<string>();
  let changed = 0;
  if (live.length) {
    const positions = await deps.exchange.fetchPositions();
    for (const trade of live) {
      const position = positions.find((p) => p.symbol === trade.symbol && p.side === trade.side) ?? null;
      if (position?.contracts.gte(dec(trade.openAmount)) && trade.status === "open") continue;
      changed += 1;
      const after = await reconcileTrade({ tradeId: trade.id, position }, deps);
      if (after.status === "closed" && after.fillsSyncedAt) settled.add(trade.id);
    }
  }
  for (const trade of input.trades.filter((t) => t.unsynced)) {
    const after = await reconcileTrade({ tradeId: trade.id, position: null }, deps);
    if (after.fillsSyncedAt) settled.add(trade.id);
  }
  const active = input.trades.some((t) => !settled.has(t.id));
  return { trades: live.length, changed, active };
}
