import { createHash } from "node:crypto";
import type { ExchangeClient } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";

/**
 * An account's standing stops are checked against the exchange's open orders once in this many reconciliation
 * turns (about every two minutes at the 15 s interval): a stop the venue lost, or the follower cancelled by hand,
 * while the position stayed the same shows nowhere else. One open-orders read per account per audit, so the
 * steady cost is a fraction of a request per turn.
 */
export const STOP_AUDIT_EVERY = 8;
/** The turn length the audit slots are counted in. */
const SLOT_MS = 15_000;

/** Whether this turn is the account's audit turn: accounts are spread over the slots by their id. 0: never. */
export function stopAuditDue(accountId: string, now: number, every = STOP_AUDIT_EVERY): boolean {
  if (every <= 0) return false;
  if (every === 1) return true;
  const offset = createHash("sha1").update(accountId).digest().readUInt32BE(0) % every;
  return Math.floor(now / SLOT_MS) % every === offset;
}

/**
 * The trades (of those given) whose standing stop, the newest one the books say is open, is not among the
 * exchange's open orders: reconciliation looks closer at them (a stop that triggered is a fill it reads; one that
 * vanished is placed again from the level Mimic keeps). Read only on audit turns: one statement, one request.
 */
export async function tradesMissingStops(
  trades: readonly { id: string }[],
  deps: { db: DbClient; exchange: ExchangeClient },
): Promise<Set<string>> {
  const stops = await deps.db.order.findMany({
    where: { tradeId: { in: trades.map((t) => t.id) }, kind: "stop_loss", status: "open" },
    select: { tradeId: true, clientOrderId: true, leg: true },
    orderBy: { leg: "desc" },
  });
  const newest = new Map<string, string>();
  for (const o of stops) if (o.tradeId && !newest.has(o.tradeId)) newest.set(o.tradeId, o.clientOrderId);
  if (!newest.size) return new Set();
  const open = new Set((await deps.exchange.fetchOpenOrders()).map((o) => o.clientOrderId));
  return new Set([...newest].filter(([, id]) => !open.has(id)).map(([tradeId]) => tradeId));
}
