import type { DbClient } from "../platform/db-client.ts";
import { REACHABLE } from "./queue-notifications.ts";

/**
 * Something that happened to an open trade that its follower hears of: a target filled, the stop moved, a limit
 * entry (of a zone) or a DCA order filled (`final`: all of it; else the part so far).
 */
export type TradeEvent =
  | { kind: "target"; tradeId: string; orderId: string; leg: number }
  | { kind: "entry_filled"; tradeId: string; orderId: string; final: boolean }
  | { kind: "stop_moved"; tradeId: string; clientOrderId: string; revision: number; from: string | null };

/**
 * Writes the event's row in the notification outbox, once: reconciliation finds these events (the sweep that
 * writes the other rows cannot see them in any column), and running it again writes nothing new. The outbox
 * sweep queues the row for delivery like any other. Users no chat transport reaches get none.
 */
export async function queueTradeEvent(db: DbClient, event: TradeEvent, now: Date = new Date()): Promise<void> {
  const dedupeKey =
    event.kind === "target"
      ? `trade:${event.tradeId}:tp${event.leg}`
      : event.kind === "entry_filled"
        ? `trade:${event.tradeId}:in:${event.orderId}:${event.final ? "all" : "part"}`
        : `trade:${event.tradeId}:sl${event.revision}`;
  const { kind, ...payload } = event;
  await db.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "dedupeKey", "payload", "createdAt")
    SELECT gen_random_uuid()::text, a."userId", ${kind}, ${dedupeKey}, ${JSON.stringify(payload)}::jsonb, ${now}
    FROM "Trade" t
    JOIN "ExchangeAccount" a ON a."id" = t."accountId"
    JOIN "User" u ON u."id" = a."userId"
    WHERE t."id" = ${event.tradeId} AND ${REACHABLE}
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}
