import type { Logger } from "pino";
import type { Order, Trade } from "../../generated/prisma/client.ts";
import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import { protectivePrices } from "../copying/protective-prices.ts";
import type { ExchangeClient, MarketInfo, PositionSide } from "../exchange/exchange.ts";
import { siblingOrderId } from "../orders/client-order-id.ts";
import { placeOrder } from "../orders/place-order.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type Decimal, dec } from "../platform/decimal.ts";
import { isAppError } from "../platform/errors.ts";
import { storedTrailing } from "../signals/trade-plan.ts";
import { storedPlan, type TradePlan } from "./entry-legs.ts";
import { currentStop, moveStop } from "./move-stop.ts";
import { protectTrade } from "./protect-trade.ts";
import { splitTargets, TARGET_LEG_SPAN } from "./split-targets.ts";

type Deps = { db: DbClient; ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger };

/** How many revisions of a ladder a trade may go through ("-tp" … "-tp999" within the client id's 36 chars). */
const MAX_REVISION = 98;

/**
 * Protects what a trade holds after its amount grew (an entry zone or a DCA order filled): its targets and its
 * stop, from its stored plan, for the whole open amount at the new average entry. The first protection is the one a
 * market entry gets (`protectTrade`); later ones are a new revision of the ladder (take-profit legs
 * revision × 10 + target, "-tp11", "-tp12", …), placed before the older one is cancelled so the position is never
 * bare, and the stop moved to the level the plan gives from the new average (it may be looser: a DCA order moves the
 * average against the trade) and resized. Once a target has filled the ladder is left alone: the trade has moved
 * on, and only its stop follows. Keyed by revision and written last (`protectedAmount`), so a crash anywhere is
 * finished by the next turn without a second order.
 */
export async function reprotectTrade(tradeId: string, deps: Deps): Promise<void> {
  const { db } = deps;
  const trade = await db.trade.findUniqueOrThrow({ where: { id: tradeId } });
  const plan = storedPlan(trade.plan);
  const entered = dec(trade.entryAmount);
  const open = dec(trade.openAmount);
  if (trade.status !== "open" || !plan || !trade.entryPrice || !open.gt(0)) return;
  if (!entered.gt(trade.protectedAmount)) return;
  const orders = await db.order.findMany({ where: { tradeId } });
  const entry = orders.find((o) => o.kind === "entry" && o.leg === 0);
  const execution = entry?.executionId
    ? await db.execution.findUnique({
        where: { id: entry.executionId },
        select: { signalId: true, subscriptionId: true },
      })
    : null;
  if (!entry || !execution) return;
  const market = await deps.exchange.market(trade.symbol);
  const average = dec(trade.entryPrice);
  let revision = trade.protectionRevision;

  if (dec(trade.protectedAmount).eq(0)) {
    const outcome = await protectTrade(
      {
        signalId: execution.signalId,
        subscriptionId: execution.subscriptionId,
        executionId: entry.executionId as string,
        trade: { id: trade.id, symbol: trade.symbol, side: trade.side as PositionSide },
        amount: open,
        fillPrice: average,
        takeProfit: null,
        stopLoss: plan.stopLoss,
        targets: plan.targets,
        trailing: plan.trailing ?? storedTrailing(trade.trailing),
        priceStep: market.priceStep,
        market,
        orders,
        lastAttempt: false,
      },
      deps,
    );
    if (outcome.closedBy) return;
  } else {
    revision = await nextRevision(trade, orders, plan, { average, open, market });
    if (revision > MAX_REVISION) {
      deps.logger.warn({ tradeId }, "protection placed again as often as its client order ids allow; it stays");
      return;
    }
    const targetFilled = orders.some((o) => o.kind === "take_profit" && o.status === "filled");
    if (!targetFilled) await placeLadder(trade, orders, entry, { revision, plan, average, open, market }, deps);
    const level = stopLevel(trade, plan, average, market) ?? currentStop(trade, orders)?.level;
    if (level) {
      const fresh = await db.trade.findUniqueOrThrow({ where: { id: tradeId } });
      const stops = await db.order.findMany({ where: { tradeId, kind: { in: ["entry", "stop_loss"] } } });
      await moveStop(fresh, stops, { level, amount: open, loosen: true }, deps);
    }
  }
  await db.trade.updateMany({
    where: { id: tradeId, protectedAmount: trade.protectedAmount },
    data: { protectedAmount: entered.toString(), protectionRevision: revision },
  });
  deps.logger.info({ tradeId, amount: open.toFixed(), average: average.toFixed(), revision }, "trade protected again");
}

type Ladder = { plan: TradePlan; average: Decimal; open: Decimal; market: MarketInfo };

/**
 * The revision to place: the next one, unless a crash left that one placed for another amount (the trade grew again
 * since), in which case the one after it.
 */
async function nextRevision(trade: Trade, orders: Order[], plan: TradePlan, at: Omit<Ladder, "plan">) {
  const legs = splitTargets({
    side: trade.side as PositionSide,
    fillPrice: at.average,
    amount: at.open,
    ...{ targets: plan.targets, market: at.market },
  });
  let revision = trade.protectionRevision + 1;
  for (;;) {
    const placed = orders.filter((o) => o.kind === "take_profit" && Math.floor(o.leg / TARGET_LEG_SPAN) === revision);
    const same = placed.every((o) =>
      legs.some((l) => dec(o.requestedAmount).eq(l.amount) && o.leg % TARGET_LEG_SPAN === l.leg),
    );
    if (!placed.length || same) return revision;
    revision += 1;
  }
}

async function placeLadder(
  trade: Trade,
  orders: Order[],
  entry: Order,
  ladder: Ladder & { revision: number },
  deps: Deps,
) {
  const { db, exchange } = deps;
  const side = trade.side as PositionSide;
  const legs = splitTargets({
    side,
    fillPrice: ladder.average,
    amount: ladder.open,
    targets: ladder.plan.targets,
    market: ladder.market,
  });
  const base = ladder.revision * TARGET_LEG_SPAN;
  const problems: string[] = [];
  for (const l of legs) {
    const leg = base + l.leg;
    try {
      await placeOrder(
        {
          executionId: entry.executionId,
          tradeId: trade.id,
          kind: "take_profit",
          leg,
          existing: orders.find((o) => o.kind === "take_profit" && o.leg === leg) ?? null,
          request: {
            symbol: trade.symbol,
            side: side === "long" ? "sell" : "buy",
            type: "take_profit",
            amount: l.amount,
            triggerPrice: l.trigger,
            reduceOnly: true,
            clientOrderId: siblingOrderId(entry.clientOrderId, "take_profit", leg),
            referencePrice: ladder.average,
          },
        },
        deps,
      );
    } catch (err) {
      if (!isAppError(err) || err.retryable) throw err;
      problems.push(`take-profit ${l.leg + 1} not placed again: ${err.message}`);
    }
  }
  // The new ladder stands: the older one goes (a target of it that filled meanwhile is reconciliation's to see).
  for (const o of orders.filter(
    (x) => x.kind === "take_profit" && x.leg < base && (x.status === "open" || x.status === "sending"),
  )) {
    await exchange.cancelOrder(trade.symbol, o.clientOrderId);
    await db.order.update({ where: { id: o.id }, data: { status: "canceled" } });
  }
  if (problems.length) {
    await db.trade.update({ where: { id: trade.id }, data: { protectionError: problems.join("; ") } });
  }
}

/** The plan's stop from the new average entry (an absolute one stays where it is). */
function stopLevel(trade: Trade, plan: TradePlan, average: Decimal, market: MarketInfo): Decimal | null {
  if (!plan.stopLoss) return null;
  return protectivePrices({
    takeProfit: null,
    stopLoss: plan.stopLoss,
    side: trade.side as PositionSide,
    fillPrice: average,
    priceStep: market.priceStep,
  }).stopLoss;
}
