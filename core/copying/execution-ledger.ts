import type { Order, TradeStatus } from "../../generated/prisma/client.ts";
import type { OrderResult } from "../exchange/exchange.ts";
import { batched } from "../platform/batched.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { Decimal } from "../platform/decimal.ts";
import { type LiveEventPublisher, publishSafely } from "../platform/live-events.ts";
import { processMetrics } from "../platform/metrics.ts";
import type { Sql } from "../platform/sql.ts";
import type { ExecutionFinish, NewOrderRow, NewTradeRow, TradeFillRow } from "./execution-ledger-rows.ts";
import { type LoadedRow, loadExecutionRows } from "./load-execution-rows.ts";

export type { ExecutionFinish, NewOrderRow, NewTradeRow, TradeFillRow } from "./execution-ledger-rows.ts";
export type { LoadedRow } from "./load-execution-rows.ts";

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
  /**
   * Inserts the trade as "opening" together with its entry's "sending" row, in one statement. False when it could
   * not be: another trade is live on the account and symbol, or the subscription is no longer active (paused,
   * possibly by a panic, since the execution was read).
   */
  openTrade(row: NewTradeRow): Promise<boolean>;
  /**
   * Records the entry's fill on its trade, which becomes "open" with that amount. Returns the trade's status
   * afterwards: "closing" when a panic came while the entry was in flight.
   */
  entryFilled(fill: TradeFillRow): Promise<TradeStatus>;
  /** Marks a waiting execution as alive (the resume sweep leaves it alone) and says what it waits for. */
  touch(id: string, note: string): Promise<void>;
  /** Where trade and execution changes are announced (the admin page's live updates); none in tests. */
  readonly events?: LiveEventPublisher;
}

type LedgerWrite =
  | { kind: "order"; clientOrderId: string; result: OrderResult }
  | { kind: "entry"; fill: TradeFillRow }
  | { kind: "finish"; update: ExecutionFinish };

const str = (d: Decimal | undefined | null) => (d === undefined || d === null ? null : d.toString());

export function createExecutionLedger(
  db: DbClient,
  sql: Sql,
  opts: {
    waitMs?: number;
    maxBatch?: number;
    events?: LiveEventPublisher;
    /** PLAN_GRACE_HOURS: how long after a plan's end its premium subscriptions still get entries. */
    planGraceHours?: number;
  } = {},
): ExecutionLedger {
  // Which signal an execution belongs to, for the live event its finish announces (finish carries only the id).
  const signalOf = new Map<string, string>();
  const rememberSignals = (rows: LoadedRow[]) => {
    if (signalOf.size > 50_000) signalOf.clear();
    for (const r of rows) signalOf.set(r.id, r.signalId);
  };
  const load = batched<{ signalId: string; subscriptionId: string }, LoadedRow | null>(async (keys) => {
    const rows = await loadExecutionRows(db, sql, keys, opts);
    if (opts.events) rememberSignals(rows);
    const byKey = new Map(rows.map((r) => [`${r.signalId}|${r.subscriptionId}`, r]));
    return keys.map((k) => byKey.get(`${k.signalId}|${k.subscriptionId}`) ?? null);
  }, opts);

  const insertSending = batched<NewOrderRow, boolean>(async (rows) => {
    const col = <T>(f: (r: NewOrderRow) => T) => rows.map(f);
    const inserted = await sql.query<{ clientOrderId: string }>(
      `INSERT INTO "Order" ("id", "executionId", "kind", "clientOrderId", "symbol", "side", "type", "reduceOnly",
        "requestedAmount", "triggerPrice", "tradeId", "leg", "status", "updatedAt")
      SELECT gen_random_uuid()::text, v.eid, v.kind::"OrderKind", v.cid, v.symbol, v.side, v.type, v.ro,
        v.amount::numeric, v.trigger::numeric, v.tid, v.leg, 'sending', now()
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[],
        $9::text[], $10::text[], $11::int[]) AS v(eid, kind, cid, symbol, side, type, ro, amount, trigger, tid, leg)
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
        col((r) => r.tradeId ?? null),
        col((r) => r.leg ?? 0),
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
  const write = batched<LedgerWrite, TradeStatus | undefined>(async (items) => {
    const orders = items.flatMap((i) => (i.kind === "order" ? [i] : []));
    const entries = items.flatMap((i) => (i.kind === "entry" ? [i.fill] : []));
    const finishes = items.flatMap((i) => (i.kind === "finish" ? [i.update] : []));
    const oc = <T>(f: (i: (typeof orders)[number]) => T) => orders.map(f);
    const tc = <T>(f: (i: TradeFillRow) => T) => entries.map(f);
    const fc = <T>(f: (i: ExecutionFinish) => T) => finishes.map(f);
    // COALESCE keeps what an earlier attempt recorded when this one has nothing to say about a column. An entry's
    // fill opens its trade in the same statement: the trade becomes "open" (unless a panic made it "closing"). The
    // entry order's own row stands for its fill until the exchange's fills are read (trade-store.ts).
    const trades = await sql.query<{ id: string; status: TradeStatus }>(
      `WITH orders AS (
        UPDATE "Order" AS o SET
          "status" = v.status::"OrderStatus", "exchangeOrderId" = v.eid,
          "filledAmount" = v.filled::numeric, "avgPrice" = v.avg::numeric, "updatedAt" = now()
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(cid, status, eid, filled, avg)
        WHERE o."clientOrderId" = v.cid AND o."clientOrderId" = ANY($1::text[])
        RETURNING 1
      ), executions AS (
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
          AND (SELECT set_config('synchronous_commit', 'off', true)) IS NOT NULL
        RETURNING 1
      ), entries AS (
        SELECT * FROM unnest($17::text[], $18::text[], $19::text[], $20::text[], $21::text[])
          AS v(tid, eoid, side, amount, price)
      )
      UPDATE "Trade" AS t SET
        "status" = CASE WHEN t."status" = 'opening' THEN 'open'::"TradeStatus" ELSE t."status" END,
        "entryAmount" = v.amount::numeric, "entryPrice" = v.price::numeric,
        "openAmount" = v.amount::numeric - t."exitAmount", "updatedAt" = now()
      FROM entries v WHERE t."id" = v.tid
        AND (SELECT set_config('synchronous_commit', 'off', true)) IS NOT NULL
      RETURNING t."id", t."status"::text AS "status"`,
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
        tc((i) => i.tradeId),
        tc((i) => i.exchangeOrderId),
        tc((i) => i.side),
        tc((i) => i.amount.toString()),
        tc((i) => i.price.toString()),
      ],
    );
    const status = new Map(trades.map((r) => [r.id, r.status]));
    return items.map((i) => (i.kind === "entry" ? (status.get(i.fill.tradeId) ?? "closed") : undefined));
  }, opts);

  const openTrade = batched<NewTradeRow, boolean>(async (rows) => {
    const col = <T>(f: (r: NewTradeRow) => T) => rows.map(f);
    // The trade and its entry row go in together or not at all; the subscription must still be active, so a
    // pause (or a panic) committed since the execution was read stops the entry here.
    const inserted = await sql.query<{ id: string }>(
      `WITH v AS (
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[],
          $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[]) AS v(tid, acc, strat, sub, symbol,
          side, lev, amount, eid, cid, oside, type, price)
      ), t AS (
        INSERT INTO "Trade" ("id", "accountId", "strategyId", "subscriptionId", "symbol", "side", "status", "liveKey",
          "leverage", "requestedAmount", "openedAt", "updatedAt")
        SELECT v.tid, v.acc, v.strat, v.sub, v.symbol, v.side, 'opening', v.acc || '|' || v.symbol, v.lev,
          v.amount::numeric, now(), now()
        FROM v JOIN "Subscription" s ON s."id" = v.sub AND s."status" = 'active'
        -- An entry row of this execution already written means another attempt owns the trade.
        WHERE NOT EXISTS (SELECT 1 FROM "Order" x WHERE x."clientOrderId" = v.cid)
        ON CONFLICT DO NOTHING
        RETURNING "id"
      ), o AS (
        INSERT INTO "Order" ("id", "executionId", "tradeId", "kind", "clientOrderId", "symbol", "side", "type",
          "reduceOnly", "requestedAmount", "triggerPrice", "status", "updatedAt")
        SELECT gen_random_uuid()::text, v.eid, v.tid, 'entry', v.cid, v.symbol, v.oside, v.type, false,
          v.amount::numeric, v.price::numeric, 'sending', now()
        FROM v JOIN t ON t."id" = v.tid
        ON CONFLICT ("clientOrderId") DO NOTHING
        RETURNING "tradeId"
      )
      SELECT "tradeId" AS "id" FROM o`,
      [
        col((r) => r.id),
        col((r) => r.accountId),
        col((r) => r.strategyId),
        col((r) => r.subscriptionId),
        col((r) => r.symbol),
        col((r) => r.side),
        col((r) => r.leverage),
        col((r) => r.requestedAmount.toString()),
        col((r) => r.entry.executionId),
        col((r) => r.entry.clientOrderId),
        col((r) => r.entry.side),
        col((r) => r.entry.type),
        col((r) => str(r.entry.triggerPrice)),
      ],
    );
    const opened = new Set(inserted.map((r) => r.id));
    for (const r of rows)
      if (opened.has(r.id))
        publishSafely(opts.events, { type: "trade", tradeId: r.id, accountId: r.accountId, state: "opened" });
    return rows.map((r) => opened.has(r.id));
  }, opts);

  return {
    events: opts.events,
    openTrade,
    async touch(id, note) {
      await sql.query(`UPDATE "Execution" SET "updatedAt" = now(), "error" = $2 WHERE "id" = $1`, [id, note]);
    },
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
    recordOrder: async (clientOrderId, result) => {
      await write({ kind: "order", clientOrderId, result });
    },
    entryFilled: async (fill) => (await write({ kind: "entry", fill })) as TradeStatus,
    async rejectOrder(clientOrderId, error) {
      await db.order.update({ where: { clientOrderId }, data: { status: "rejected", error } });
    },
    finish: async (update) => {
      await write({ kind: "finish", update });
      processMetrics().executionFinished(update.status, update.errorCode);
      const signalId = signalOf.get(update.id);
      if (signalId && update.status !== "placed") signalOf.delete(update.id);
      if (signalId) publishSafely(opts.events, { type: "execution", signalId, status: update.status });
    },
  };
}
