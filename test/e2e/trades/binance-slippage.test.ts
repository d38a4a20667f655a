import { describe, expect, it } from "vitest";
import { notificationText } from "../../../bots/shared/wording/notification-text.ts";
import { wording } from "../../../bots/shared/wording/translator.ts";
import type { NotificationMessage, Notifier } from "../../../core/notifications/notification-message.ts";
import { queueNotifications } from "../../../core/notifications/queue-notifications.ts";
import { binanceTradeSuite } from "./binance-trade-suite.ts";

// The entry slippage cap end to end: webhook, worker, real ccxt and the fake Binance, whose mark price the test
// moves between the provider's price and the follower's entry. Every follower trades 6000 USDT of BTC.

const delivered: NotificationMessage[] = [];
const recorder: Notifier = {
  transport: "telegram",
  async deliver(_to, message) {
    delivered.push(message);
    return { outcome: "sent" };
  },
};

describe("the entry slippage cap against the fake Binance", () => {
  const { ctx, follower, fire, executions, trades, openAlgo, position } = binanceTradeSuite({ notifiers: [recorder] });
  const entryOf = (apiKey: string, clientOrderId: string) =>
    ctx.fake.account(apiKey)?.ordersByClientId.get(clientOrderId);

  it("a market that moved past the cap opens nothing, reports ORDER_EXPIRED with the cap, notifies, and is not chased", async () => {
    const f = await follower({ telegramId: "990001" });
    // The provider saw 60000; by the time the follower's entry meets the book, BTC is 0.5% higher.
    ctx.fake.setPrice("BTCUSDT", "60300");
    const signalId = await fire(f.strategy, { action: "long", price: 60000, tp_perc: 2, sl_perc: 1 });
    const [e] = await executions(signalId);
    expect(e).toMatchObject({ status: "failed", errorCode: "ORDER_EXPIRED", amount: null });
    expect(e?.error).toMatch(
      /^not filled within the 0\.3% slippage cap: the price moved past 60180; nothing was opened/,
    );
    // One IOC limit at 60000 + 0.3%, expired by the exchange with nothing filled; no position, no TP/SL.
    expect(entryOf(f.apiKey, e?.clientOrderId ?? "")).toMatchObject({
      type: "LIMIT",
      timeInForce: "IOC",
      status: "EXPIRED",
    });
    expect(entryOf(f.apiKey, e?.clientOrderId ?? "")?.price.toFixed()).toBe("60180");
    expect(position(f.apiKey)).toEqual([]);
    expect(openAlgo(f.apiKey)).toEqual([]);
    const [trade] = await trades(f.accountId);
    expect(trade).toMatchObject({ status: "closed", closeReason: "expired", amount: "0" });
    // Reported, not chased: the queue is drained and the order was sent once.
    expect(ctx.fake.creates(e?.clientOrderId ?? "")).toBe(1);

    await queueNotifications({ db: ctx.testDb.db.prisma, queue: ctx.h.queue, clock: { now: () => new Date() } });
    await ctx.h.queue.drain();
    const told = delivered.find((m) => m.kind === "execution" && m.status === "failed");
    expect(told).toMatchObject({ errorCode: "ORDER_EXPIRED", cappedEntry: true });
    const text = notificationText(told as NotificationMessage, wording().forLocale("en"));
    expect(text).toMatch(/^Failed: long BTC\/USDT:USDT /);
    expect(text).toMatch(/Reason: not filled within the 0\.3% slippage cap: the price moved past 60180/);
    expect(text).toMatch(/The price moved past the slippage cap before the entry could fill, so nothing is open/);
  });

  it("within the cap the entry fills as an IOC limit at the mark, and is protected", async () => {
    const f = await follower();
    // A short from 60000 with the signal's 0.5%: at least 59700; the market has only slipped to 59800.
    ctx.fake.setPrice("BTCUSDT", "59800");
    const signalId = await fire(f.strategy, {
      action: "short",
      price: 60000,
      max_slippage_perc: 0.5,
      tp_perc: 2,
      sl_perc: 1,
    });
    const [e] = await executions(signalId);
    // Sized at the venue's last price, which it caches for a second: about 0.1 BTC.
    expect(e).toMatchObject({ status: "filled", price: "59800" });
    const amount = e?.amount ?? "";
    const entry = entryOf(f.apiKey, e?.clientOrderId ?? "");
    expect(entry).toMatchObject({ type: "LIMIT", timeInForce: "IOC", side: "SELL", status: "FILLED" });
    expect([entry?.price.toFixed(), entry?.avgPrice.toFixed()]).toEqual(["59700", "59800"]);
    expect(position(f.apiKey)).toEqual([`-${amount}`]);
    expect(openAlgo(f.apiKey)).toHaveLength(2);
    const [trade] = await trades(f.accountId, "open");
    expect(trade).toMatchObject({ side: "short", amount, entryPrice: "59800" });
  });

  it("the follower's own cap beats the signal's", async () => {
    // The signal allows 0.2% (60120); the follower allows 1% (60600): the market at 60300 is within the follower's.
    const loose = await follower({ maxSlippagePerc: "1" });
    ctx.fake.setPrice("BTCUSDT", "60300");
    const filled = await fire(loose.strategy, { action: "long", price: 60000, max_slippage_perc: 0.2 });
    const [e] = await executions(filled);
    expect(e).toMatchObject({ status: "filled" });
    expect(entryOf(loose.apiKey, e?.clientOrderId ?? "")?.price.toFixed()).toBe("60600");

    // The signal allows 2%; this follower only 0.1% (60060): the same market is past it.
    const tight = await follower({ maxSlippagePerc: "0.1" });
    const refused = await fire(tight.strategy, { action: "long", price: 60000, max_slippage_perc: 2 });
    const [r] = await executions(refused);
    expect(r).toMatchObject({ status: "failed", errorCode: "ORDER_EXPIRED" });
    expect(r?.error).toMatch(/within the 0\.1% slippage cap: the price moved past 60060/);
    expect(position(tight.apiKey)).toEqual([]);
  });

  it("a close is never capped: it goes out at market however far the price has moved from the signal's", async () => {
    const f = await follower();
    const [entry] = await executions(await fire(f.strategy, { action: "long", price: 60000 }));
    const amount = entry?.amount ?? "";
    expect(position(f.apiKey)).toEqual([amount]);
    ctx.fake.setPrice("BTCUSDT", "57000");
    const closeId = await fire(f.strategy, { action: "close", price: 60000 });
    const [c] = await executions(closeId);
    expect(c).toMatchObject({ status: "filled", amount });
    expect(entryOf(f.apiKey, c?.clientOrderId ?? "")).toMatchObject({
      type: "MARKET",
      reduceOnly: true,
      status: "FILLED",
    });
    expect(position(f.apiKey)).toEqual([]);
    const [trade] = await trades(f.accountId, "closed");
    expect(trade).toMatchObject({ closeReason: "signal", exitPrice: "57000" });
  });
});
