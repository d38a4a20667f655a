import type { Logger } from "pino";
import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExchangeClient, Position, PositionSide } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";
import { dec, decOrNull } from "../platform/decimal.ts";
import { storedTrailing } from "../signals/trade-plan.ts";
import { moveStop, placeStopRevision } from "./move-stop.ts";
import { TRAIL_MIN_MOVE_FRACTION, trailingStop } from "./stop-rules.ts";

/** What following a trade's stop needs of it, read with the rest of the account's watched trades. */
export interface StopWatch {
  id: string;
  symbol: string;
  side: string;
  /**
   * A percent trailing stop's: the mark from which its stop could move (a long's at or above it, a short's at or
   * below), as Postgres computes it (TRAIL_FROM); null for every other trade.
   */
  trailFrom: string | null;
  /** A move was decided and not finished (its order not placed yet, or the older one not cancelled). */
  stopPending: boolean;
}

const MOVE_FACTOR = TRAIL_MIN_MOVE_FRACTION.add(1).toString();

/**
 * In the watched-trades query: the mark a percent trailing stop must reach before it can move, exactly as
 * `trailingStop` decides (activation from the entry; a tenth of the distance past the current stop), before
 * rounding to the price step. Every unchanged trade is compared with the position's mark each turn: one decimal
 * comparison in the common case, and the rules themselves only when it passes.
 */
export const TRAIL_FROM = `(CASE WHEN t."trailing"->>'mode' = 'percent' AND t."entryPrice" IS NOT NULL THEN (
    CASE WHEN t."side" = 'long' THEN GREATEST(
      t."entryPrice" * (1 + COALESCE((t."trailing"->>'activationPerc')::numeric, 0) / 100),
      t."stopPrice" / NULLIF(1 - ${MOVE_FACTOR} * (t."trailing"->>'distancePerc')::numeric / 100, 0))
    ELSE LEAST(
      t."entryPrice" * (1 - COALESCE((t."trailing"->>'activationPerc')::numeric, 0) / 100),
      t."stopPrice" / (1 + ${MOVE_FACTOR} * (t."trailing"->>'distancePerc')::numeric / 100))
    END)::text
  END)`;

type Deps = { db: DbClient; ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger };

/**
 * A trade whose position reconciliation found unchanged: finishes a stop move a crash interrupted, and trails a
 * percent stop behind the position's mark price (the one the positions request already returned, so no other
 * request is made unless the stop moves: then two, the new stop and the cancel of the old one).
 */
export async function followStop(trade: StopWatch, position: Position, deps: Deps): Promise<void> {
  if (trade.stopPending) {
    await placeStopRevision(trade.id, deps);
    return;
  }
  // Every unchanged trade of every account passes here each turn: one comparison for most of them.
  const mark = position.markPrice;
  if (trade.trailFrom === null || !mark) return;
  if (trade.side === "long" ? mark.lt(trade.trailFrom) : mark.gt(trade.trailFrom)) return;
  const row = await deps.db.trade.findUniqueOrThrow({ where: { id: trade.id } });
  const plan = storedTrailing(row.trailing);
  const entryPrice = decOrNull(row.entryPrice);
  if (row.status !== "open" || plan?.mode !== "percent" || !plan.distancePerc || !entryPrice) return;
  const level = trailingStop({
    side: row.side as PositionSide,
    entryPrice,
    mark,
    distancePerc: dec(plan.distancePerc),
    activationPerc: decOrNull(plan.activationPerc),
    current: decOrNull(row.stopPrice),
    priceStep: (await deps.exchange.market(row.symbol)).priceStep,
  });
  if (!level) return;
  const orders = await deps.db.order.findMany({ where: { tradeId: trade.id, kind: { in: ["entry", "stop_loss"] } } });
  await moveStop(row, orders, { level, amount: dec(row.openAmount), bestPrice: position.markPrice }, deps);
}
