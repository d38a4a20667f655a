import { LEG_CODE, type OrderLeg } from "../orders/client-order-id.ts";
import type { Sql } from "../platform/sql.ts";

/**
 * Reads one page of a strategy's active subscriptions (active accounts only, in id order after `after`) and
 * gives each a pending execution unless it has one, in one statement: the first page is on the path of the
 * first follower's order, and each round trip there is milliseconds under a running fan-out.
 *
 * Plain SQL because Prisma's createMany is compiled per call with one parameter set per row: for a 1,000-row
 * page that blocked the event loop (and so every order in flight) for tens of milliseconds. The client order
 * id is derived as `clientOrderIdFor` derives it (tested against it).
 */
export async function insertExecutionPage(
  sql: Sql,
  input: { signalId: string; strategyId: string; leg: OrderLeg; after: string | null; limit: number },
): Promise<{ subscriptionId: string }[]> {
  return sql.query<{ subscriptionId: string }>(
    `WITH page AS (
      SELECT s."id", s."accountId" FROM "Subscription" s JOIN "ExchangeAccount" a ON a."id" = s."accountId"
      WHERE s."strategyId" = $2 AND s."status" = 'active' AND a."status" = 'active'
        AND ($3::text IS NULL OR s."id" > $3::text)
      ORDER BY s."id" LIMIT $4::int
    ), ins AS (
      INSERT INTO "Execution" ("id", "signalId", "subscriptionId", "accountId", "clientOrderId", "status",
        "attempts", "updatedAt")
      SELECT gen_random_uuid()::text, $1, page."id", page."accountId",
        'mm' || left(encode(sha256(convert_to($1::text || '|' || page."id", 'UTF8')), 'hex'), 28) || '-' || $5::text,
        'pending', 0, now()
      FROM page
      ON CONFLICT DO NOTHING
    )
    SELECT "id" AS "subscriptionId" FROM page ORDER BY "id"`,
    [input.signalId, input.strategyId, input.after, input.limit, LEG_CODE[input.leg]],
  );
}

/**
 * Paused subscriptions that still hold a trade of this strategy in the symbol: pausing stops new entries only,
 * so they get the close, or a reversal's close leg, like everyone else. Few rows, one statement.
 */
export async function insertPausedHolderExecutions(
  sql: Sql,
  input: { signalId: string; strategyId: string; symbol: string; leg: OrderLeg },
): Promise<{ subscriptionId: string }[]> {
  return sql.query<{ subscriptionId: string }>(
    `WITH holders AS (
      SELECT s."id", s."accountId" FROM "Subscription" s
      JOIN "Trade" t ON t."liveKey" = s."accountId" || '|' || $3::text AND t."strategyId" = s."strategyId"
      WHERE s."strategyId" = $2 AND s."status" = 'paused'
    ), ins AS (
      INSERT INTO "Execution" ("id", "signalId", "subscriptionId", "accountId", "clientOrderId", "status",
        "attempts", "updatedAt")
      SELECT gen_random_uuid()::text, $1, h."id", h."accountId",
        'mm' || left(encode(sha256(convert_to($1::text || '|' || h."id", 'UTF8')), 'hex'), 28) || '-' || $4::text,
        'pending', 0, now()
      FROM holders h
      ON CONFLICT DO NOTHING
    )
    SELECT "id" AS "subscriptionId" FROM holders ORDER BY "id"`,
    [input.signalId, input.strategyId, input.symbol, LEG_CODE[input.leg]],
  );
}
