import { LEG_CODE, type OrderLeg } from "../orders/client-order-id.ts";
import type { Sql } from "../platform/sql.ts";

/**
 * The statement both fan-out queries end with: a pending execution for each subscription the CTE `subs` (id,
 * accountId) selected, unless it has one, and those subscriptions in id order. $1 is the signal, `leg` the
 * parameter holding the leg's code; the client order id is derived as `clientOrderIdFor` derives it.
 */
const insertPendingExecutions = (leg: string) => `, ins AS (
      INSERT INTO "Execution" ("id", "signalId", "subscriptionId", "accountId", "clientOrderId", "status",
        "attempts", "updatedAt")
      SELECT gen_random_uuid()::text, $1, subs."id", subs."accountId",
        'mm' || left(encode(sha256(convert_to($1::text || '|' || subs."id", 'UTF8')), 'hex'), 28) || '-' || ${leg}::text,
        'pending', 0, now()
      FROM subs
      ON CONFLICT DO NOTHING
    )
    SELECT "id" AS "subscriptionId" FROM subs ORDER BY "id"`;

/**
 * Reads one page of a strategy's active subscriptions (active accounts only, in id order after `after`) and
 * gives each a pending execution unless it has one, in one statement: the first page is on the path of the
 * first follower's order, and each round trip there is milliseconds under a running fan-out.
 *
 * Plain SQL because Prisma's createMany is compiled per call with one parameter set per row: for a 1,000-row
 * page that blocked the event loop (and so every order in flight) for tens of milliseconds.
 */
export async function insertExecutionPage(
  sql: Sql,
  input: { signalId: string; strategyId: string; leg: OrderLeg; after: string | null; limit: number },
): Promise<{ subscriptionId: string }[]> {
  return sql.query<{ subscriptionId: string }>(
    `WITH subs AS (
      SELECT s."id", s."accountId" FROM "Subscription" s JOIN "ExchangeAccount" a ON a."id" = s."accountId"
      WHERE s."strategyId" = $2 AND s."status" = 'active' AND a."status" = 'active'
        AND ($3::text IS NULL OR s."id" > $3::text)
      ORDER BY s."id" LIMIT $4::int
    )${insertPendingExecutions("$5")}`,
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
    `WITH subs AS (
      SELECT s."id", s."accountId" FROM "Subscription" s
      JOIN "Trade" t ON t."liveKey" = s."accountId" || '|' || $3::text AND t."strategyId" = s."strategyId"
      WHERE s."strategyId" = $2 AND s."status" = 'paused'
    )${insertPendingExecutions("$4")}`,
    [input.signalId, input.strategyId, input.symbol, LEG_CODE[input.leg]],
  );
}
