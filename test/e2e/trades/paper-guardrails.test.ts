import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationText } from "../../../bots/shared/wording/notification-text.ts";
import { wording } from "../../../bots/shared/wording/translator.ts";
import { nextUtcMidnight, utcDay } from "../../../core/guardrails/utc-day.ts";
import type { NotificationMessage, Notifier } from "../../../core/notifications/notification-message.ts";
import { queueNotifications } from "../../../core/notifications/queue-notifications.ts";
import { createTestDatabase } from "../../db.ts";
import { type FakeBybit, startFakeBybit } from "../../fake-bybit/start-fake-bybit.ts";
import { createHarness, type Harness } from "../../harness.ts";

type Execution = { status: string; error?: string; amount: string | null; price: string | null };
type TradeView = { side: string; status: string; amount: string; exitPrice: string | null; closeReason: string | null };

// The daily loss limit on a paper account, end to end: admin API, webhook, worker, the paper venue at a live price
// (the fake Bybit's, which the test moves) and reconciliation's turns. The clock can move to the next UTC day.
describe("daily guardrails on a paper account", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let bybit: FakeBybit;
  let h: Harness;
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  const delivered: NotificationMessage[] = [];
  const recorder: Notifier = {
    transport: "telegram",
    async deliver(_to, message) {
      delivered.push(message);
      return { outcome: "sent" };
    },
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    bybit = await startFakeBybit();
    bybit.setPrice("BTCUSDT", "60000");
    h = createHarness({
      db: testDb.db,
      clock,
      ccxtUrlOverrides: { bybit: bybit.url },
      paperPriceVenue: "bybit",
      notifiers: [recorder],
    });
  });
  afterAll(async () => {
    await h?.close();
    await bybit?.close();
    await testDb?.drop();
  });

  /** The venue's price reaches paper trading through a one-second cache: wait until it shows. */
  const moveBybit = async (price: string) => {
    bybit.setPrice("BTCUSDT", price);
    const deadline = Date.now() + 5_000;
    while ((await h.paperPrices.markPrice("BTC/USDT:USDT"))?.toString() !== price) {
      if (Date.now() > deadline) throw new Error(`paper price never reached ${price}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const send = async (strategy: { slug: string; passphrase: string }, body: object) => {
    const res = await h.request("POST", `/webhooks/tradingview/${strategy.slug}`, {
      passphrase: strategy.passphrase,
      symbol: "BTCUSDT.P",
      id: crypto.randomUUID(),
      ...body,
    });
    expect(res.status).toBe(202);
    const { signalId } = (await res.json()) as { signalId: string };
    await h.queue.drain();
    return (await h.admin<{ executions: Execution[] }>("GET", `/api/admin/signals/${signalId}`)).executions;
  };
  const trades = async (accountId: string) =>
    (await h.admin<{ trades: TradeView[] }>("GET", `/api/admin/accounts/${accountId}/trades`)).trades;

  it("a 5% daily loss limit closes the trade, blocks the next entry, tells the follower; tomorrow it opens again", async () => {
    const db = testDb.db.prisma;
    const strategy = await h.admin<{ slug: string; passphrase: string }>("POST", "/api/admin/strategies", {
      name: "Guarded",
    });
    const user = await h.admin<{ id: string }>("POST", "/api/admin/users", { telegramId: "880001" });
    const { id: accountId } = await h.admin<{ id: string }>("POST", `/api/admin/users/${user.id}/accounts`, {
      exchange: "paper",
      label: "Paper",
      paperBalance: "10000",
    });
    await h.admin("POST", "/api/admin/subscriptions", {
      accountId,
      strategy: strategy.slug,
      sizing: { mode: "fixed", value: "60000" },
      maxLeverage: 10,
    });
    await h.admin("PATCH", `/api/admin/accounts/${accountId}`, { dailyLossLimitPerc: "5" });

    // 1 BTC at 60000 (10x), 30 USDT fee: the day starts at 9970.
    const [entry] = await send(strategy, { action: "long", leverage: 10, price: 60000 });
    expect(entry).toMatchObject({ status: "filled", amount: "1", price: "60000" });
    await moveBybit("59800");
    await h.reconcile();
    const day = await db.exchangeAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect([day.guardDay, day.guardDayStartEquity?.toString(), day.haltReason]).toEqual([
      utcDay(clock.now()),
      "9970",
      null,
    ]);

    // 600 down: 6.02% of 9970.
    await moveBybit("59400");
    const tripAt = clock.now();
    await h.reconcile();
    expect((await trades(accountId)).map((t) => [t.status, t.closeReason, t.exitPrice])).toEqual([
      ["closed", "guardrail", "59400"],
    ]);
    const position = await db.paperPosition.findFirstOrThrow({ where: { accountId } });
    expect(position.contracts.toString()).toBe("0");
    const halted = await db.exchangeAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect([halted.haltedUntil?.toISOString(), halted.haltReason]).toEqual([
      nextUtcMidnight(tripAt).toISOString(),
      "daily_loss",
    ]);
    const [audit] = await db.auditLog.findMany({ where: { accountId, action: "guardrail.tripped" } });
    expect(audit?.details).toMatchObject({ startEquity: "9970", realised: "0", unrealised: "-600", pnl: "-600" });

    const [blocked] = await send(strategy, { action: "long", leverage: 10, price: 59400 });
    expect(blocked).toMatchObject({
      status: "skipped",
      error: "daily loss limit reached: no new entries until 00:00 UTC",
    });
    expect((await trades(accountId)).filter((t) => t.status !== "closed")).toEqual([]);

    await queueNotifications({ db, queue: h.queue, clock });
    await h.queue.drain();
    const told = delivered.filter((m) => m.kind === "guardrail");
    expect(told.map((m) => notificationText(m, wording().forLocale("en")))).toEqual([
      "Daily loss limit reached on Paper: -600.00 USDT today (-6.02%, limit 5%). Mimic closed its open trade there and opens nothing new until 00:00 UTC.",
    ]);

    // The next UTC day: the same entry opens, and the day is measured from the wallet as it now stands.
    offsetMs = nextUtcMidnight(clock.now()).getTime() - Date.now() + 60_000;
    const [tomorrow] = await send(strategy, { action: "long", leverage: 10, price: 59400 });
    expect(tomorrow).toMatchObject({ status: "filled", amount: "1.010101" });
    await h.reconcile();
    const lifted = await db.exchangeAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect([lifted.haltedUntil, lifted.haltReason, lifted.guardDay]).toEqual([null, null, utcDay(clock.now())]);
  });
});
