import type { Logger } from "pino";
import type { Trade } from "../../generated/prisma/client.ts";
import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExchangeClient } from "../exchange/exchange.ts";
import { queueTradeEvent } from "../notifications/queue-trade-event.ts";
import type { DbClient } from "../platform/db-client.ts";
import { dec } from "../platform/decimal.ts";
import { storedTrailing } from "../signals/trade-plan.ts";
import { followEntries } from "./follow-entries.ts";
import { currentStop, moveStop } from "./move-stop.ts";
import { TARGET_LEG_SPAN } from "./split-targets.ts";
import { stopAfterTargets } from "./stop-rules.ts";

type Deps = { db: DbClient; ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger };

/**
 * What follows take-profit targets that filled (reconciliation found them): the follower hears of each target of a
 * ladder once (a single target is the trade's close, told as such), the trade counts them, and while the trade is
 * open its stop covers what is left, moved by its mode: `breakeven` to the entry after the first target,
 * `moving_target` to the previous target each time (`stopAfterTargets`). Every step converges on what the filled
 * targets say, so running it again changes nothing.
 */
export async function followTargets(followed: Trade, deps: Deps): Promise<void> {
  let trade = followed;
  const { db } = deps;
  const orders = await db.order.findMany({
    where: { tradeId: trade.id, kind: { in: ["entry", "take_profit", "stop_loss"] } },
  });
  const targets = orders.filter((o) => o.kind === "take_profit").sort((a, b) => a.leg - b.leg);
  const filled = targets.filter((o) => o.status === "filled");
  if (!filled.length) return;
  // A ladder placed again for a grown amount repeats its targets under new legs (TARGET_LEG_SPAN).
  if (new Set(targets.map((o) => o.leg % TARGET_LEG_SPAN)).size > 1) {
    for (const o of filled) {
      await queueTradeEvent(db, { kind: "target", tradeId: trade.id, orderId: o.id, leg: o.leg % TARGET_LEG_SPAN });
    }
  }
  if (trade.targetsHit !== filled.length) {
    await db.trade.update({ where: { id: trade.id }, data: { targetsHit: filled.length } });
  }
  // The trade is taking profit: an entry of its zone or a DCA order still resting must not add to it any more.
  const resting = await db.order.count({
    where: { tradeId: trade.id, kind: { in: ["entry", "dca"] }, type: "limit", status: "open" },
  });
  if (resting > 0 && trade.status === "open") {
    trade = await followEntries({ tradeId: trade.id, now: new Date(), endAll: true }, deps);
  }
  const open = dec(trade.openAmount);
  if (trade.status !== "open" || !open.gt(0) || !trade.entryPrice) return;
  const ruled = stopAfterTargets({
    mode: storedTrailing(trade.trailing)?.mode,
    entryPrice: dec(trade.entryPrice),
    filled: filled.map((o) => dec(o.triggerPrice ?? trade.entryPrice ?? 0)),
  });
  const current = currentStop(trade, orders);
  const level = ruled ?? current?.level;
  // No stop and no rule that makes one: what is left rides to a close.
  if (!level) return;
  await moveStop(trade, orders, { level, amount: open }, deps);
}
