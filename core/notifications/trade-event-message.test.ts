import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { seedExecution } from "../../test/factories.ts";
import { silentLogger } from "../platform/logger.ts";
import { deliverNotification } from "./deliver-notification.ts";
import type { NotificationMessage, Notifier } from "./notification-message.ts";
import { queueTradeEvent } from "./queue-trade-event.ts";

describe("trade events: a target hit and a stop moved, from the outbox to the follower", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it("writes each event once, for a follower a chat reaches, and tells it with the target's PnL", async () => {
    const db = testDb.db.prisma;
    const { signal, subscription, account, execution } = await seedExecution(db, { action: "long" });
    const trade = await db.trade.create({
      data: {
        accountId: account.id,
        strategyId: signal.strategyId,
        subscriptionId: subscription.id,
        symbol: signal.symbol,
        side: "long",
        status: "open",
        requestedAmount: "0.1",
        entryAmount: "0.1",
        entryPrice: "60000",
        openAmount: "0.05",
      },
    });
    const order = (kind: "take_profit" | "stop_loss", leg: number, extra: object) =>
      db.order.create({
        data: {
          executionId: execution.id,
          tradeId: trade.id,
          kind,
          leg,
          clientOrderId: `${kind}-${leg}-${trade.id}`,
          symbol: signal.symbol,
          side: "sell",
          type: kind,
          reduceOnly: true,
          requestedAmount: "0.05",
          ...extra,
        },
      });
    const tp1 = await order("take_profit", 0, {
      status: "filled",
      triggerPrice: "60600",
      filledAmount: "0.05",
      avgPrice: "60700",
    });
    await order("take_profit", 1, { status: "open", triggerPrice: "61200" });
    const sl1 = await order("stop_loss", 1, { status: "open", triggerPrice: "60000" });

    // Nobody to tell yet: no chat reaches this user.
    await queueTradeEvent(db, { kind: "target", tradeId: trade.id, orderId: tp1.id, leg: 0 });
    expect(await db.notification.count({ where: { userId: account.userId } })).toBe(0);
    await db.user.update({ where: { id: account.userId }, data: { telegramId: `tg-${trade.id}` } });
    for (let i = 0; i < 2; i++) {
      await queueTradeEvent(db, { kind: "target", tradeId: trade.id, orderId: tp1.id, leg: 0 });
      await queueTradeEvent(db, {
        kind: "stop_moved",
        tradeId: trade.id,
        clientOrderId: sl1.clientOrderId,
        revision: 1,
        from: "58800",
      });
    }
    const rows = await db.notification.findMany({ where: { userId: account.userId }, orderBy: { kind: "desc" } });
    expect(rows.map((r) => [r.kind, r.dedupeKey])).toEqual([
      ["target", `trade:${trade.id}:tp0`],
      ["stop_moved", `trade:${trade.id}:sl1`],
    ]);

    const delivered: NotificationMessage[] = [];
    const notifier: Notifier = {
      transport: "telegram",
      deliver: async (_to, message) => {
        delivered.push(message);
        return { outcome: "sent" };
      },
    };
    for (const r of rows) {
      const result = await deliverNotification(
        { notificationId: r.id },
        { db, notifier, clock: { now: () => new Date() }, logger: silentLogger },
      );
      expect(result).toBe("sent");
    }
    expect(delivered).toEqual([
      expect.objectContaining({ kind: "target", target: 1, targets: 2, amount: "0.05", price: "60700", pnl: "35.00" }),
      expect.objectContaining({ kind: "stop_moved", price: "60000", from: "58800", symbol: "BTC/USDT:USDT" }),
    ]);
  });
});
