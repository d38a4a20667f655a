import type { Order, OrderKind } from "../../generated/prisma/client.ts";
import type { OrderResult } from "../exchange/exchange.ts";
import { batched } from "../platform/batched.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { Decimal, DecimalLike } from "../platform/decimal.ts";
import type { Sql } from "../platform/sql.ts";

export interface NewOrderRow {
  executionId: string;
  kind: OrderKind;
  clientOrderId: string;
  symbol: string;
  side: string;
  type: string;
  reduceOnly: boolean;
  requestedAmount: Decimal;
  triggerPrice?: Decimal;
}

export interface ExecutionFinish {
  id: string;
  status: "placed" | "filled" | "failed" | "skipped";
  attempts: number;
  filledAmount?: Decimal;
  avgPrice?: Decimal;
  error?: string | null;
  errorCode?: string | null;
  side?: string;
  leverage?: number | null;
  requestedAmount?: Decimal;
  referencePrice?: Decimal;
}

/**
 * The writes of the copying hot path. During a fan-out hundreds of executions run at once; their reads and
 * writes are grouped into one statement per few milliseconds instead of several round trips per follower.
 */
export interface ExecutionLedger {
  load(signalId: string, subscriptionId: string): Promise<LoadedRow | null>;
  findOrder(clientOrderId: string): Promise<Order | null>;
  /**
   * Durable before the request leaves: the "sending" row that makes a retry look before it re-sends.
   * False when the row already existed: another attempt of this execution got there first.
   */
  insertSending(row: NewOrderRow): Promise<boolean>;
  /** Marks a "sending" row as sent again now, unless another attempt did since `seen` (then false). */
  claimResend(clientOrderId: string, seen: Date): Promise<boolean>;
  recordOrder(clientOrderId: string, result: OrderResult): Promise<void>;
  rejectOrder(clientOrderId: string, error: string): Promise<void>;
  finish(update: ExecutionFinish): Promise<void>;
}

/** One follower's execution as the copying code needs it: the row, its subscription, account and orders. */
export interface LoadedRow {
  id: string;
  signalId: string;
  subscriptionId: string;
  accountId: string;
  status: string;
  clientOrderId: string;
  leverage: number | null;
  subscription: {
    id: string;
    status: "active" | "paused";
    sizingMode: "risk" | "fixed" | "multiplier";
    sizingValue: DecimalLike | null;
    maxLeverage: number | null;
    tpPercOverride: DecimalLike | null;
    slPercOverride: DecimalLike | null;
    maxOpenPositions: number | null;
  };
  account: { id: string; exchange: string; credentials: string | null; status: string };
  orders: Order[];
}

/** The flat row the load query returns, before it is shaped into a LoadedRow. */
type JoinedRow = Omit<LoadedRow, "subscription" | "account" | "orders"> &
  Omit<LoadedRow["subscription"], "id" | "status"> & {
    subStatus: LoadedRow["subscription"]["status"];
    exchange: string;
    credentials: string | null;
    accountStatus: string;
  };

// Plain SQL on purpose: this runs for every follower of every signal, and Prisma's per-call cost dominated the
// worker's CPU in the fan-out benchmark (docs/performance.md).
async function loadRows(db: DbClient, sql: Sql, keys: readonly { signalId: string; subscriptionId: string }[]) {
  // Driven by the keys, one index probe per table and key: the OFFSET 0 fences keep the planner from hash-joining
  // whole tables, which it would do when its statistics still describe the tables before this fan-out filled them.
  const joined = await sql.query<JoinedRow & { hasOrders: boolean }>(
    `SELECT e."id", e."signalId", e."subscriptionId", e."accountId", e."status", e."clientOrderId", e."leverage",
      s."subStatus", s."sizingMode", s."sizingValue", s."maxLeverage", s."tpPercOverride", s."slPercOverride",
      s."maxOpenPositions", a."exchange", a."credentials", a."accountStatus",
      EXISTS (SELECT 1 FROM "Order" o WHERE o."executionId" = e."id") AS "hasOrders"
    FROM unnest($1::text[], $2::text[]) AS k(sig, sub)
    CROSS JOIN LATERAL (
      SELECT x."id", x."signalId", x."subscriptionId", x."accountId", x."status"::text AS "status", x."clientOrderId",
        x."leverage"
      FROM "Execution" x WHERE x."signalId" = k.sig AND x."subscriptionId" = k.sub OFFSET 0
    ) e
    CROSS JOIN LATERAL (
      SELECT y."status"::text AS "subStatus", y."sizingMode"::text AS "sizingMode", y."sizingValue", y."maxLeverage",
        y."tpPercOverride", y."slPercOverride", y."maxOpenPositions"
      FROM "Subscription" y WHERE y."id" = e."subscriptionId" OFFSET 0
    ) s
    CROSS JOIN LATERAL (
      SELECT z."exchange", z."credentials", z."status"::text AS "accountStatus"
      FROM "ExchangeAccount" z WHERE z."id" = e."accountId" OFFSET 0
    ) a`,
    [keys.map((k) => k.signalId), keys.map((k) => k.subscriptionId)],
  );
  // A first attempt has no orders yet; only retries need them, and those come whole from Prisma.
  const withOrders = joined.filter((r) => r.hasOrders).map((r) => r.id);
  const orders = withOrders.length ? await db.order.findMany({ where: { executionId: { in: withOrders } } }) : [];
  return joined.map(
    (r): LoadedRow => ({
      id: r.id,
      signalId: r.signalId,
      subscriptionId: r.subscriptionId,
      accountId: r.accountId,
      status: r.status,
      clientOrderId: r.clientOrderId,
      leverage: r.leverage,
      subscription: {
        id: r.subscriptionId,
        status: r.subStatus,
        sizingMode: r.sizingMode,
        sizingValue: r.sizingValue,
        maxLeverage: r.maxLeverage,
        tpPercOverride: r.tpPercOverride,
        slPercOverride: r.slPercOverride,
        maxOpenPositions: r.maxOpenPositions,
      },
      account: { id: r.accountId, exchange: r.exchange, credentials: r.credentials, status: r.accountStatus },
      orders: orders.filter((o) => o.executionId === r.id),
    }),
  );
}

type LedgerWrite =
  | { kind: "order"; clientOrderId: string; result: OrderResult }
  | { kind: "finish"; update: ExecutionFinish };

const str = (d: Decimal | undefined | null) => (d === undefined || d === null ? null : d.toString());

export function createExecutionLedger(
  db: DbClient,
  sql: Sql,
  opts: { waitMs?: number; maxBatch?: number } = {},
): ExecutionLedger {
  const load = batched<{ signalId: string; subscriptionId: string }, LoadedRow | null>(async (keys) => {
    const rows = await loadRows(db, sql, keys);
    const byKey = new Map(rows.map((r) => [`${r.signalId}|${r.subscriptionId}`, r]));
    return keys.map((k) => byKey.get(`${k.signalId}|${k.subscriptionId}`) ?? null);
  }, opts);

  const insertSending = batched<NewOrderRow, boolean>(async (rows) => {
    const col = <T>(f: (r: NewOrderRow) => T) => rows.map(f);
    const inserted = await sql.query<{ clientOrderId: string }>(
      `INSERT INTO "Order" ("id", "executionId", "kind", "clientOrderId", "symbol", "side", "type", "reduceOnly",
        "requestedAmount", "triggerPrice", "status", "updatedAt")
      SELECT gen_random_uuid()::text, v.eid, v.kind::"OrderKind", v.cid, v.symbol, v.side, v.type, v.ro,
        v.amount::numeric, v.trigger::numeric, 'sending', now()
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[],
        $9::text[]) AS v(eid, kind, cid, symbol, side, type, ro, amount, trigger)
      ON CONFLICT ("clientOrderId") DO NOTHING
      RETURNING "clientOrderId"`,
      [
        col((r) => r.executionId),
        col((r) => r.kind),
        col((r) => r.clientOrderId),
        col((r) => r.symbol),
        col((r) => r.side),
        col((r) => r.type),
        col((r) => r.reduceOnly),
        col((r) => r.requestedAmount.toString()),
        col((r) => str(r.triggerPrice)),
      ],
    );
    // Two attempts of one order in the same batch: only the first of them owns the row.
    const owned = new Set(inserted.map((r) => r.clientOrderId));
    return rows.map((r) => owned.delete(r.clientOrderId));
  }, opts);

  // Order results and execution outcomes arrive interleaved during a fan-out; one statement writes both.
  // It commits asynchronously (set_config in the statement, local to its transaction): a Postgres crash may
  // lose its last fraction of a second, which leaves the order "sending" and the execution unfinished, and
  // the resume sweep then finds the order at the exchange by its client id instead of sending it again. The
  // "sending" insert above stays synchronous: it is what makes that look-up happen.
  const write = batched<LedgerWrite>(async (items) => {
    const orders = items.flatMap((i) => (i.kind === "order" ? [i] : []));
    const finishes = items.flatMap((i) => (i.kind === "finish" ? [i.update] : []));
    const oc = <T>(f: (i: (typeof orders)[number]) => T) => orders.map(f);
    const fc = <T>(f: (i: ExecutionFinish) => T) => finishes.map(f);
    // COALESCE keeps what an earlier attempt recorded when this one has nothing to say about a column.
    await sql.query(
      `WITH orders AS (
        UPDATE "Order" AS o SET
          "status" = v.status::"OrderStatus", "exchangeOrderId" = v.eid,
          "filledAmount" = v.filled::numeric, "avgPrice" = v.avg::numeric, "updatedAt" = now()
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(cid, status, eid, filled, avg)
        WHERE o."clientOrderId" = v.cid AND o."clientOrderId" = ANY($1::text[])
        RETURNING 1
      )
      UPDATE "Execution" AS e SET
        "status" = v.status::"ExecutionStatus", "attempts" = v.attempts,
        "filledAmount" = COALESCE(v.filled::numeric, e."filledAmount"), "avgPrice" = COALESCE(v.avg::numeric, e."avgPrice"),
        "error" = v.error, "errorCode" = v.code,
        "side" = COALESCE(v.side, e."side"), "leverage" = COALESCE(v.leverage, e."leverage"),
        "requestedAmount" = COALESCE(v.requested::numeric, e."requestedAmount"),
        "referencePrice" = COALESCE(v.ref::numeric, e."referencePrice"), "updatedAt" = now()
      FROM unnest($6::text[], $7::text[], $8::int[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
        $14::int[], $15::text[], $16::text[]) AS v(id, status, attempts, filled, avg, error, code, side, leverage,
        requested, ref)
      WHERE e."id" = v.id AND e."id" = ANY($6::text[])
        AND (SELECT set_config('synchronous_commit', 'off', true)) IS NOT NULL`,
      [
        oc((i) => i.clientOrderId),
        oc((i) => i.result.status),
        oc((i) => i.result.exchangeOrderId),
        oc((i) => i.result.filledAmount.toString()),
        oc((i) => str(i.result.avgPrice)),
        fc((i) => i.id),
        fc((i) => i.status),
        fc((i) => i.attempts),
        fc((i) => str(i.filledAmount)),
        fc((i) => str(i.avgPrice)),
        fc((i) => i.error ?? null),
        fc((i) => i.errorCode ?? null),
        fc((i) => i.side ?? null),
        fc((i) => i.leverage ?? null),
        fc((i) => str(i.requestedAmount)),
        fc((i) => str(i.referencePrice)),
      ],
    );
    return undefined;
  }, opts);

  return {
    load: (signalId, subscriptionId) => load({ signalId, subscriptionId }),
    findOrder: (clientOrderId) => db.order.findUnique({ where: { clientOrderId } }),
    insertSending,
    async claimResend(clientOrderId, seen) {
      const claimed = await db.order.updateMany({
        where: { clientOrderId, status: "sending", updatedAt: seen },
        data: { updatedAt: new Date() },
      });
      return claimed.count === 1;
    },
    recordOrder: (clientOrderId, result) => write({ kind: "order", clientOrderId, result }),
    async rejectOrder(clientOrderId, error) {
      await db.order.update({ where: { clientOrderId }, data: { status: "rejected", error } });
    },
    finish: (update) => write({ kind: "finish", update }),
  };
}
