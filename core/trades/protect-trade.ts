import type { Logger } from "pino";
import type { Order, Prisma } from "../../generated/prisma/client.ts";
import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import { type ProtectiveLevel, protectivePrices } from "../copying/protective-prices.ts";
import type { TargetLevel } from "../copying/trade-targets.ts";
import type { ExchangeClient, MarketInfo, OrderResult, PositionSide } from "../exchange/exchange.ts";
import { clientOrderIdFor } from "../orders/client-order-id.ts";
import { placeOrder } from "../orders/place-order.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type Decimal, dec } from "../platform/decimal.ts";
import { type AppError, isAppError } from "../platform/errors.ts";
import type { TrailingSpec } from "../signals/trade-plan.ts";
import { recordOrderFill } from "./record-order-fill.ts";
import { settleOrder } from "./settle-order.ts";
import { splitTargets } from "./split-targets.ts";
import { closeTradeRecord } from "./trade-store.ts";

export interface ProtectionInput {
  signalId: string;
  subscriptionId: string;
  executionId: string;
  trade: { id: string; symbol: string; side: PositionSide };
  amount: Decimal;
  fillPrice: Decimal;
  /** What `protectiveLevels` chose for each leg (the subscription's override, the signal's price or percent). */
  takeProfit: ProtectiveLevel | null;
  stopLoss: ProtectiveLevel | null;
  /** Several targets (`takeProfitTargets`); absent: `takeProfit` for the whole amount. */
  targets?: TargetLevel[];
  /** How the stop moves afterwards (`tradeTrailing`); kept on the trade for reconciliation. */
  trailing?: TrailingSpec | null;
  priceStep: Decimal;
  /** The amount step and minimum the targets are split by; without it the amount is split unrounded. */
  market?: Pick<MarketInfo, "amountStep" | "minAmount">;
  orders: Order[];
  lastAttempt: boolean;
}

export interface ProtectionOutcome {
  /** A level was already crossed: the trade was closed at market, as that order would have done. */
  closedBy?: "take_profit" | "stop_loss";
  exit?: OrderResult;
  /** Set when the position is open without a TP or SL it should have: what the follower must know. */
  warning?: string;
}

type Deps = { db: DbClient; ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger };

/**
 * Places the trade's reduce-only take-profit targets (each its share of the amount, see `splitTargets`) and one
 * stop-loss for the whole amount, each under its own deterministic client order id ("-tp", "-tp2", …, "-sl"), so a
 * retry after a crash between two of them finds what went out and places only what is missing. A level the price
 * has already crossed is done at once by a market close of the whole position (what the order would have done):
 * the exchange says so (WOULD_TRIGGER), or, for an absolute level on the wrong side of the fill (the fill slipped
 * past the provider's level), we know before asking. Any other refusal leaves the position open without it, and
 * says so. Uncertain failures are retried by throwing, except on the last attempt, where they are reported instead.
 */
export async function protectTrade(input: ProtectionInput, deps: Deps): Promise<ProtectionOutcome> {
  const { trade, fillPrice } = input;
  const long = trade.side === "long";
  const targets = input.targets ?? (input.takeProfit ? [{ level: input.takeProfit, sizePerc: dec(100) }] : []);
  const market = { priceStep: input.priceStep, amountStep: input.market?.amountStep ?? dec(0), ...input.market };
  const legs = splitTargets({ side: trade.side, fillPrice, amount: input.amount, targets, market });
  const stop = protectivePrices({ ...input, takeProfit: null, side: trade.side }).stopLoss;

  const passed = (level: Decimal, kind: "take_profit" | "stop_loss") =>
    (kind === "take_profit") === long ? level.lte(fillPrice) : level.gte(fillPrice);
  if (legs.some((l) => l.absolute && passed(l.trigger, "take_profit"))) return exitAtMarket(input, "take_profit", deps);
  if (stop && input.stopLoss && "price" in input.stopLoss && passed(stop, "stop_loss")) {
    return exitAtMarket(input, "stop_loss", deps);
  }
  const orders = [
    ...legs.map((l) => ({ kind: "take_profit" as const, leg: l.leg, trigger: l.trigger, amount: l.amount })),
    ...(stop ? [{ kind: "stop_loss" as const, leg: 0, trigger: stop, amount: input.amount }] : []),
  ];
  const problems: string[] = [];
  for (const o of orders) {
    try {
      await placeOrder(
        {
          executionId: input.executionId,
          tradeId: trade.id,
          kind: o.kind,
          leg: o.leg,
          existing: input.orders.find((x) => x.kind === o.kind && x.leg === o.leg) ?? null,
          request: {
            symbol: trade.symbol,
            side: long ? "sell" : "buy",
            type: o.kind,
            amount: o.amount,
            triggerPrice: o.trigger,
            reduceOnly: true,
            clientOrderId: clientOrderIdFor(input.signalId, input.subscriptionId, o.kind, o.leg),
            referencePrice: fillPrice,
          },
        },
        deps,
      );
    } catch (err) {
      if (isAppError(err, "WOULD_TRIGGER")) return exitAtMarket(input, o.kind, deps);
      if (!isAppError(err) || (err.retryable && !input.lastAttempt)) throw err;
      const name = o.kind === "stop_loss" ? "stop-loss" : legs.length > 1 ? `take-profit ${o.leg + 1}` : "take-profit";
      problems.push(`${name} not placed: ${(err as AppError).message}`);
    }
  }
  if (input.trailing) {
    // Reconciliation moves the stop from here. Written once every leg is out, so it never moves a stop that is
    // still being placed (a retry after a crash before this line writes it then).
    await deps.db.trade.update({
      where: { id: trade.id },
      data: { trailing: input.trailing as unknown as Prisma.InputJsonValue, stopPrice: stop?.toString() ?? null },
    });
  }
  if (targets.length && !legs.length) problems.push("take-profit not placed: its share is below the market's minimum");
  if (!problems.length) return {};
  const warning = problems.join("; ");
  await deps.db.trade.update({ where: { id: trade.id }, data: { protectionError: warning } });
  deps.logger.warn({ tradeId: trade.id, warning }, "position left without protection");
  return { warning };
}

async function exitAtMarket(
  input: ProtectionInput,
  reason: "take_profit" | "stop_loss",
  deps: Deps,
): Promise<ProtectionOutcome> {
  const { trade } = input;
  // Legs may be resting already (targets went in before the stop was refused): none may outlive the trade.
  const resting = await deps.db.order.findMany({
    where: { tradeId: trade.id, kind: { in: ["take_profit", "stop_loss"] }, status: { in: ["open", "sending"] } },
  });
  for (const o of resting) {
    await deps.exchange.cancelOrder(trade.symbol, o.clientOrderId);
    await deps.db.order.update({ where: { id: o.id }, data: { status: "canceled" } });
  }
  const existing = input.orders.find((o) => o.kind === "exit" && o.leg === 0) ?? null;
  const placed = await placeOrder(
    {
      executionId: input.executionId,
      tradeId: trade.id,
      kind: "exit",
      existing,
      request: {
        symbol: trade.symbol,
        side: trade.side === "long" ? "sell" : "buy",
        type: "market",
        amount: input.amount,
        reduceOnly: true,
        clientOrderId: clientOrderIdFor(input.signalId, input.subscriptionId, "exit"),
        referencePrice: input.fillPrice,
      },
    },
    deps,
  );
  const now = new Date();
  const exit = await settleOrder(
    placed,
    { sentAt: existing?.createdAt ?? now, lastAttempt: input.lastAttempt, now },
    deps,
  );
  await recordOrderFill(deps.db, { tradeId: trade.id, tradeSide: trade.side, result: exit });
  await closeTradeRecord(deps.db, trade.id, reason, undefined, deps.ledger.events);
  deps.logger.info({ tradeId: trade.id, reason }, "protective level already crossed: closed at market");
  return { closedBy: reason, exit };
}
