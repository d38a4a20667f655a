import type { Order } from "../../generated/prisma/client.ts";
import { DEFAULT_PLAN_GRACE_HOURS } from "../billing/plan-grace.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { DecimalLike } from "../platform/decimal.ts";
import type { Sql } from "../platform/sql.ts";

/** The account's live trade in the signal's symbol, whichever strategy holds it. */
export interface LiveTradeRow {
  id: string;
  strategyId: string;
  strategyName: string;
  subscriptionId: string;
  side: "long" | "short";
  status: "opening" | "open" | "closing";
  openAmount: DecimalLike;
  entryPrice: DecimalLike | null;
}

/** One follower's execution as the copying code needs it: the row, its subscription, account, orders and trade. */
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
    strategyId: string;
    status: "active" | "paused" | "ended";
    sizingMode: "risk" | "fixed" | "multiplier";
    sizingValue: DecimalLike | null;
    maxLeverage: number | null;
    tpPercOverride: DecimalLike | null;
    slPercOverride: DecimalLike | null;
    maxSlippagePerc: DecimalLike | null;
    maxOpenPositions: number | null;
    /** The follower's trailing-stop choice (core/copying/trade-targets.ts). */
    trailingMode: string | null;
    trailingDistancePerc: DecimalLike | null;
    trailingActivationPerc: DecimalLike | null;
    /** Whether the signal's DCA orders are placed for this follower. */
    dcaEnabled: boolean;
    /** The follower's own take-profit split (core/subscriptions/take-profit-split.ts); null: the signal's. */
    takeProfitSplit: unknown;
  };
  account: {
    id: string;
    exchange: string;
    credentials: string | null;
    status: string;
    /** A daily guardrail tripped: no new entries before this (closes still run). */
    haltedUntil: Date | null;
    haltReason: string | null;
  };
  /**
   * Premium strategies (core/billing): entries need the user's plan to cover the strategy until `entriesUntil`
   * (the plan's end plus the grace period); null: not covered. Free strategies: `premium` false.
   */
  plan: { premium: boolean; entriesUntil: Date | null };
  orders: Order[];
  liveTrade: LiveTradeRow | null;
  /**
   * An earlier signal on this account and symbol is not finished (its execution is still running or waiting
   * for a retry, or its fan-out has not reached this account yet): this one must wait its turn.
   */
  mustWait: boolean;
  /**
   * TP/SL left open on this account and symbol by trades that are over: a new entry cancels them first. Only
   * trades whose post-close sync has not run are looked at: that sync cancels what it still finds resting.
   */
  strayProtection: boolean;
}

type JoinedRow = Omit<LoadedRow, "subscription" | "account" | "orders" | "liveTrade" | "plan"> &
  Omit<LoadedRow["subscription"], "id" | "status"> & {
    subStatus: LoadedRow["subscription"]["status"];
    exchange: string;
    credentials: string | null;
    accountStatus: string;
    /** ISO text: hot-path statements return no timestamps (see sql.ts). */
    haltedUntil: string | null;
    haltReason: string | null;
    premium: boolean;
    /** ISO text: the end of the user's plan when that plan covers the strategy. */
    planUntil: string | null;
    hasOrders: boolean;
    tradeId: string | null;
    tradeStrategyId: string | null;
    tradeStrategyName: string | null;
    tradeSubscriptionId: string | null;
    tradeSide: LiveTradeRow["side"] | null;
    tradeStatus: LiveTradeRow["status"] | null;
    tradeOpenAmount: string | null;
    tradeEntryPrice: string | null;
  };

// Earlier work older than this no longer holds a signal back: an execution is terminal well within it, and one
// that is not (a bug, a deleted job) must not block an account's symbol for good.
const WAIT_LOOKBACK = "15 minutes";

/**
 * Plain SQL on purpose: this runs for every follower of every signal, and Prisma's per-call cost dominated the
 * worker's CPU in the fan-out benchmark (docs/performance.md). Driven by the keys, one index probe per table and
 * key: the OFFSET 0 fences keep the planner from hash-joining whole tables, which it would do when its statistics
 * still describe the tables before this fan-out filled them.
 */
export async function loadExecutionRows(
  db: DbClient,
  sql: Sql,
  keys: readonly { signalId: string; subscriptionId: string }[],
  opts: { planGraceHours?: number } = {},
): Promise<LoadedRow[]> {
  const joined = await sql.query<JoinedRow>(
    `SELECT e."id", e."signalId", e."subscriptionId", e."accountId", e."status", e."clientOrderId", e."leverage",
      s."strategyId", s."subStatus", s."sizingMode", s."sizingValue", s."maxLeverage", s."tpPercOverride",
      s."slPercOverride", s."maxSlippagePerc", s."maxOpenPositions",
      s."trailingMode", s."trailingDistancePerc", s."trailingActivationPerc", s."dcaEnabled", s."takeProfitSplit",
      a."exchange", a."credentials", a."accountStatus",
      a."haltedUntil", a."haltReason",
      -- Premium: some plan includes the strategy. The all-strategies EXISTS is uncorrelated (computed once).
      (EXISTS (SELECT 1 FROM "Plan" ap WHERE ap."allStrategies")
        OR EXISTS (SELECT 1 FROM "PlanStrategy" ps WHERE ps."strategyId" = s."strategyId")) AS "premium",
      pu."planUntil",
      ho."has" IS NOT NULL AS "hasOrders",
      t."id" AS "tradeId", t."strategyId" AS "tradeStrategyId", t."name" AS "tradeStrategyName",
      t."subscriptionId" AS "tradeSubscriptionId", t."side" AS "tradeSide", t."status" AS "tradeStatus",
      t."openAmount"::text AS "tradeOpenAmount", t."entryPrice"::text AS "tradeEntryPrice",
      (EXISTS (
        SELECT 1 FROM "Execution" p JOIN "Signal" ps ON ps."id" = p."signalId"
        -- "placed" (an entry zone resting) is not waited for: its trade is open, and what comes next acts on it.
        WHERE p."accountId" = e."accountId" AND p."status" = 'pending' AND p."id" <> e."id"
          AND ps."symbol" = g."symbol" AND ps."receivedAt" > g."receivedAt" - interval '${WAIT_LOOKBACK}'
          AND (ps."receivedAt", ps."id") < (g."receivedAt", g."id")
      ) OR EXISTS (
        SELECT 1 FROM "Signal" ps JOIN "Subscription" ss ON ss."strategyId" = ps."strategyId"
        WHERE ps."status" = 'received' AND ps."symbol" = g."symbol" AND ss."accountId" = e."accountId"
          AND ps."receivedAt" > g."receivedAt" - interval '${WAIT_LOOKBACK}'
          AND (ps."receivedAt", ps."id") < (g."receivedAt", g."id")
      )) AS "mustWait",
      st."stray" IS NOT NULL AS "strayProtection"
    FROM unnest($1::text[], $2::text[]) AS k(sig, sub)
    CROSS JOIN LATERAL (
      SELECT x."id", x."signalId", x."subscriptionId", x."accountId", x."status"::text AS "status", x."clientOrderId",
        x."leverage"
      FROM "Execution" x WHERE x."signalId" = k.sig AND x."subscriptionId" = k.sub OFFSET 0
    ) e
    CROSS JOIN LATERAL (
      SELECT sg."id", sg."symbol", sg."receivedAt" FROM "Signal" sg WHERE sg."id" = e."signalId" OFFSET 0
    ) g
    CROSS JOIN LATERAL (
      SELECT y."strategyId", y."status"::text AS "subStatus", y."sizingMode"::text AS "sizingMode", y."sizingValue",
        y."maxLeverage", y."tpPercOverride", y."slPercOverride", y."maxSlippagePerc", y."maxOpenPositions",
        y."trailingMode", y."trailingDistancePerc", y."trailingActivationPerc", y."dcaEnabled", y."takeProfitSplit"
      FROM "Subscription" y WHERE y."id" = e."subscriptionId" OFFSET 0
    ) s
    CROSS JOIN LATERAL (
      SELECT z."userId", z."exchange", z."credentials", z."status"::text AS "accountStatus",
        to_char(z."haltedUntil", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "haltedUntil", z."haltReason"
      FROM "ExchangeAccount" z WHERE z."id" = e."accountId" OFFSET 0
    ) a
    -- The user's plan, when it covers the strategy: one primary-key probe per table.
    LEFT JOIN LATERAL (
      SELECT to_char(u."planActiveUntil", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "planUntil"
      FROM "User" u JOIN "Plan" pl ON pl."id" = u."planId"
      WHERE u."id" = a."userId" AND u."planActiveUntil" IS NOT NULL AND (pl."allStrategies" OR EXISTS (
        SELECT 1 FROM "PlanStrategy" pp WHERE pp."planId" = pl."id" AND pp."strategyId" = s."strategyId"))
      OFFSET 0
    ) pu ON true
    LEFT JOIN LATERAL (
      SELECT tr."id", tr."strategyId", st."name", tr."subscriptionId", tr."side", tr."status"::text AS "status",
        tr."openAmount", tr."entryPrice"
      FROM "Trade" tr JOIN "Strategy" st ON st."id" = tr."strategyId"
      WHERE tr."liveKey" = e."accountId" || '|' || g."symbol" OFFSET 0
    ) t ON true
    -- LATERAL with LIMIT 1: an index probe per key. As EXISTS the planner hashed whole tables once per statement,
    -- which grows with their history.
    LEFT JOIN LATERAL (
      SELECT true AS "has" FROM "Order" o WHERE o."executionId" = e."id" LIMIT 1
    ) ho ON true
    LEFT JOIN LATERAL (
      SELECT true AS "stray" FROM "Trade" ot JOIN "Order" oo ON oo."tradeId" = ot."id"
      WHERE ot."accountId" = e."accountId" AND ot."status" = 'closed' AND ot."fillsSyncedAt" IS NULL
        AND ot."symbol" = g."symbol" AND oo."kind" IN ('take_profit', 'stop_loss') AND oo."status" IN ('open', 'sending')
      LIMIT 1
    ) st ON true`,
    [keys.map((k) => k.signalId), keys.map((k) => k.subscriptionId)],
  );
  // A first attempt has no orders yet; only retries need them, and those come whole from Prisma.
  const withOrders = joined.filter((r) => r.hasOrders).map((r) => r.id);
  const orders = withOrders.length ? await db.order.findMany({ where: { executionId: { in: withOrders } } }) : [];
  const graceMs = (opts.planGraceHours ?? DEFAULT_PLAN_GRACE_HOURS) * 3_600_000;
  return joined.map((r) => shape(r, orders, graceMs));
}

function shape(r: JoinedRow, orders: Order[], graceMs: number): LoadedRow {
  return {
    id: r.id,
    signalId: r.signalId,
    subscriptionId: r.subscriptionId,
    accountId: r.accountId,
    status: r.status,
    clientOrderId: r.clientOrderId,
    leverage: r.leverage,
    subscription: {
      id: r.subscriptionId,
      strategyId: r.strategyId,
      status: r.subStatus,
      sizingMode: r.sizingMode,
      sizingValue: r.sizingValue,
      maxLeverage: r.maxLeverage,
      tpPercOverride: r.tpPercOverride,
      slPercOverride: r.slPercOverride,
      maxSlippagePerc: r.maxSlippagePerc,
      maxOpenPositions: r.maxOpenPositions,
      trailingMode: r.trailingMode,
      trailingDistancePerc: r.trailingDistancePerc,
      trailingActivationPerc: r.trailingActivationPerc,
      dcaEnabled: r.dcaEnabled,
      takeProfitSplit: r.takeProfitSplit,
    },
    account: {
      id: r.accountId,
      exchange: r.exchange,
      credentials: r.credentials,
      status: r.accountStatus,
      haltedUntil: r.haltedUntil ? new Date(r.haltedUntil) : null,
      haltReason: r.haltReason,
    },
    plan: {
      premium: r.premium,
      entriesUntil: r.planUntil ? new Date(new Date(r.planUntil).getTime() + graceMs) : null,
    },
    orders: orders.filter((o) => o.executionId === r.id),
    liveTrade:
      r.tradeId && r.tradeStrategyId && r.tradeSide && r.tradeStatus
        ? {
            id: r.tradeId,
            strategyId: r.tradeStrategyId,
            strategyName: r.tradeStrategyName ?? "another strategy",
            subscriptionId: r.tradeSubscriptionId ?? "",
            side: r.tradeSide,
            status: r.tradeStatus,
            openAmount: r.tradeOpenAmount ?? "0",
            entryPrice: r.tradeEntryPrice,
          }
        : null,
    mustWait: r.mustWait,
    strayProtection: r.strayProtection,
  };
}
