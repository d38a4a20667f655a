import { describe, expect, it } from "vitest";
import { notificationText } from "../../../bots/shared/wording/notification-text.ts";
import { wording } from "../../../bots/shared/wording/translator.ts";
import { nextUtcMidnight, utcDay } from "../../../core/guardrails/utc-day.ts";
import type { NotificationMessage, Notifier } from "../../../core/notifications/notification-message.ts";
import { queueNotifications } from "../../../core/notifications/queue-notifications.ts";
import { binanceTradeSuite } from "./binance-trade-suite.ts";

// The daily loss limit end to end: admin API, webhook, worker, real ccxt and the fake Binance, whose mark price the
// test moves; the reconciliation loop's turn measures the day and trips the limit. The clock can move to tomorrow.

const delivered: NotificationMessage[] = [];
const recorder: Notifier = {
  transport: "telegram",
  async deliver(_to, message) {
    delivered.push(message);
    return { outcome: "sent" };
  },
};
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

describe("daily guardrails against the fake Binance", () => {
  const { ctx, follower, fire, executions, trades, position } = binanceTradeSuite({ notifiers: [recorder], clock });

  it("a daily loss limit closes the trade, blocks the next entry with the reason, notifies, audits; the next UTC day lifts it", async () => {
    const db = ctx.testDb.db.prisma;
    const f = await follower({ telegramId: "990101" });
    const set = await ctx.h.admin("PATCH", `/api/admin/accounts/${f.accountId}`, { dailyLossLimitPerc: 5 });
    expect(set).toMatchObject({ dailyLossLimitPerc: "5", halted: false });
    const entry = await fire(f.strategy, { action: "long", price: 60000 });
    expect((await executions(entry))[0]?.status).toBe("filled");

    // 0.1 BTC 4000 lower: -400, 4% of the day's 9997 (10000 less the entry's fee).
    ctx.fake.setPrice("BTCUSDT", "56000");
    await ctx.h.reconcile();
    const measured = await db.exchangeAccount.findUniqueOrThrow({ where: { id: f.accountId } });
    expect([measured.guardDay, measured.guardDayStartEquity?.toString(), measured.haltedUntil]).toEqual([
      utcDay(clock.now()),
      "9997",
      null,
    ]);
    // A turn after the day's first costs what it costs without guardrails: the one positions request.
    ctx.fake.resetCounters();
    await ctx.h.reconcile();
    expect(ctx.fake.stats().totalRequests).toBe(1);

    // 6000 lower: -600, 6%: past the limit.
    ctx.fake.setPrice("BTCUSDT", "54000");
    const tripAt = clock.now();
    await ctx.h.reconcile();
    const [closed] = await trades(f.accountId, "closed");
    expect(closed).toMatchObject({ status: "closed", closeReason: "guardrail", exitPrice: "54000" });
    expect(closed?.orders.map((o) => [o.kind, o.status])).toEqual([
      ["entry", "filled"],
      ["exit", "filled"],
    ]);
    expect(position(f.apiKey)).toEqual([]);
    const halted = await db.exchangeAccount.findUniqueOrThrow({ where: { id: f.accountId } });
    expect([halted.haltedUntil?.toISOString(), halted.haltReason]).toEqual([
      nextUtcMidnight(tripAt).toISOString(),
      "daily_loss",
    ]);
    const [audit] = await db.auditLog.findMany({ where: { accountId: f.accountId, action: "guardrail.tripped" } });
    expect(audit?.details).toMatchObject({
      reason: "daily_loss",
      startEquity: "9997",
      unrealised: "-600",
      limitPerc: "5",
      trades: [{ symbol: "BTC/USDT:USDT", side: "long", openAmount: "0.1" }],
    });

    // The next entry signal is skipped with the reason; the follower hears of the halt once.
    ctx.fake.setPrice("BTCUSDT", "60000");
    const blocked = await fire(f.strategy, { action: "long", price: 60000 });
    expect((await executions(blocked))[0]).toMatchObject({
      status: "skipped",
      error: "daily loss limit reached: no new entries until 00:00 UTC",
    });
    expect(position(f.apiKey)).toEqual([]);
    await queueNotifications({ db, queue: ctx.h.queue, clock });
    await queueNotifications({ db, queue: ctx.h.queue, clock });
    await ctx.h.queue.drain();
    const told = delivered.filter((m) => m.kind === "guardrail");
    expect(told).toHaveLength(1);
    expect(notificationText(told[0] as NotificationMessage, wording().forLocale("en"))).toMatch(
      /^Daily loss limit reached on binanceusdm: -6\d\d\.\d\d USDT today \(-6\.\d\d%, limit 5%\)\. Mimic closed its open trade there and opens nothing new until 00:00 UTC\.$/,
    );

    // Tomorrow (UTC) the same signal opens again, and the day is measured afresh.
    offsetMs = nextUtcMidnight(clock.now()).getTime() - Date.now() + 60_000;
    const tomorrow = await fire(f.strategy, { action: "long", price: 60000 });
    expect((await executions(tomorrow))[0]?.status).toBe("filled");
    await ctx.h.reconcile();
    const lifted = await db.exchangeAccount.findUniqueOrThrow({ where: { id: f.accountId } });
    expect([lifted.haltedUntil, lifted.haltReason, lifted.guardDay]).toEqual([null, null, utcDay(clock.now())]);
  });
});
