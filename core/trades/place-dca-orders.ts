import type { Logger } from "pino";
import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import type { LoadedExecution } from "../copying/load-execution.ts";
import type { ExchangeClient, MarketInfo, PositionSide } from "../exchange/exchange.ts";
import { clientOrderIdFor } from "../orders/client-order-id.ts";
import { placeOrder } from "../orders/place-order.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { Decimal } from "../platform/decimal.ts";
import { isAppError } from "../platform/errors.ts";
import type { DcaSpec } from "../signals/entry-plan.ts";
import { dcaLegs, planJson, type TradePlan } from "./entry-legs.ts";

type Deps = { db: DbClient; ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger };

/**
 * Places a trade's DCA (safety) orders once its entry filled and is protected: resting limit orders at steps
 * against the fill (`dcaLegs`), each under its own client order id ("-d1", "-d2", …), so a retry places only what
 * is missing. The trade keeps its plan and the amount its protection covers: reconciliation sees the position grow
 * when one fills and places the TP/SL again from the new average (`followEntries`, `reprotectTrade`). They rest
 * until the trade closes or its first target fills. Returns what could not be placed, for the follower.
 */
export async function placeDcaOrders(
  input: {
    execution: LoadedExecution;
    trade: { id: string; symbol: string; side: PositionSide };
    fillPrice: Decimal;
    baseAmount: Decimal;
    dca: DcaSpec;
    plan: TradePlan;
    stop: Decimal | null;
    market: MarketInfo;
  },
  deps: Deps,
): Promise<string | undefined> {
  const { execution, trade } = input;
  const legs = dcaLegs({
    side: trade.side,
    fillPrice: input.fillPrice,
    baseAmount: input.baseAmount,
    dca: input.dca,
    market: input.market,
    stop: input.stop,
  });
  await deps.db.trade.update({
    where: { id: trade.id },
    data: { plan: planJson(input.plan) as object, protectedAmount: input.baseAmount.toString() },
  });
  const problems: string[] = [];
  if (legs.length < input.dca.orders) {
    problems.push(
      `${input.dca.orders - legs.length} of ${input.dca.orders} DCA orders left out (past the stop-loss or below the market's minimum)`,
    );
  }
  for (const l of legs) {
    try {
      await placeOrder(
        {
          executionId: execution.id,
          tradeId: trade.id,
          kind: "dca",
          leg: l.leg,
          existing: execution.orders.find((o) => o.kind === "dca" && o.leg === l.leg) ?? null,
          request: {
            symbol: trade.symbol,
            side: trade.side === "long" ? "buy" : "sell",
            type: "limit",
            timeInForce: "GTC",
            price: l.price,
            amount: l.amount,
            clientOrderId: clientOrderIdFor(execution.signalId, execution.subscriptionId, "dca", l.leg),
          },
        },
        deps,
      );
    } catch (err) {
      if (!isAppError(err) || err.retryable) throw err;
      problems.push(`DCA order ${l.leg} at ${l.price.toFixed()} not placed: ${err.message}`);
    }
  }
  return problems.length ? problems.join("; ") : undefined;
}
