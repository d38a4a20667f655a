import type { Logger } from "pino";
import type { ExchangeClient } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";
import { dec } from "../platform/decimal.ts";
import { reconcileTrade } from "./reconcile-trade.ts";

/** A close in flight this recently is its execution's business, not reconciliation's. */
const CLOSING_GRACE_MS = 60_000;
/** Closed trades whose fees are still to be read are looked at for this long. */
const FEE_SYNC_WINDOW_MS = 24 * 3600_000;

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
  input: { accountId: string; now: Date },
  deps: { db: DbClient; exchange: ExchangeClient; logger: Logger },
): Promise<AccountReconciliation> {
  const { db, exchange } = deps;
  const now = input.now.getTime();
  const [live, unsynced] = await Promise.all([
    db.trade.findMany({
      where: {
        accountId: input.accountId,
        OR: [{ status: "open" }, { status: "closing", updatedAt: { lt: new Date(now - CLOSING_GRACE_MS) } }],
      },
    }),
    db.trade.findMany({
      where: {
        accountId: input.accountId,
        status: "closed",
        fillsSyncedAt: null,
        closedAt: { gte: new Date(now - FEE_SYNC_WINDOW_MS) },
        entryAmount: { gt: 0 },
      },
      select: { id: true },
    }),
  ]);
  let changed = 0;
  if (live.length) {
    const positions = await exchange.fetchPositions();
    for (const trade of live) {
      const position = positions.find((p) => p.symbol === trade.symbol && p.side === trade.side) ?? null;
      const open = dec(trade.openAmount);
      if (position?.contracts.gte(open) && trade.status === "open") continue;
      changed += 1;
      await reconcileTrade({ tradeId: trade.id, position }, deps);
    }
  }
  for (const { id } of unsynced) {
    const trade = await db.trade.findUniqueOrThrow({ where: { id } });
    if (trade.fillsSyncedAt) continue;
    await reconcileTrade({ tradeId: id, position: null }, deps);
  }
  const remaining = await db.trade.count({
    where: {
      accountId: input.accountId,
      OR: [
        { status: { in: ["opening", "open", "closing"] } },
        { status: "closed", fillsSyncedAt: null, closedAt: { gte: new Date(now - FEE_SYNC_WINDOW_MS) } },
      ],
    },
  });
  return { trades: live.length, changed, active: remaining > 0 };
}
