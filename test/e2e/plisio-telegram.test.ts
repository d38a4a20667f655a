import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramNotifier } from "../../bots/telegram/notifications/telegram-notifier.ts";
import { type RunningTelegram, startTelegram } from "../../bots/telegram/start-telegram.ts";
import { createPlisioClient } from "../../core/billing/plisio/plisio-client.ts";
import { termsVersion } from "../../core/community/terms/terms-document.ts";
import { createLogger, silentLogger } from "../../core/platform/logger.ts";
import { createTestDatabase } from "../db.ts";
import { type FakePlisio, startFakePlisio } from "../fake-plisio/start-fake-plisio.ts";
import type { BotMessage } from "../fake-telegram/fake-telegram-state.ts";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/start-fake-telegram.ts";
import { createHarness, type Harness } from "../harness.ts";
import { telegramBotDeps } from "../telegram-bot-deps.ts";

// A follower buys a plan in Telegram and pays through (the fake) Plisio; its signed callback activates the plan
// once, and the premium strategy it covers can then be followed. The real bot against the fake Bot API server.
describe("telegram: /plans, a Plisio invoice, its callback", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let plisio: FakePlisio;
  let tg: FakeTelegram;
  let h: Harness;
  let bot: RunningTelegram;
  const alice = { id: 7301, first_name: "Alice", username: "alice" };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    plisio = await startFakePlisio();
    tg = await startFakeTelegram();
    const notifier = createTelegramNotifier({ token: tg.token, apiRoot: tg.apiRoot, maxRetryDelaySec: 5 });
    h = createHarness({ db: testDb.db, notifiers: [notifier], plisioSecretKey: plisio.secretKey });
    const logger = process.env.DEBUG_BOT ? createLogger({ level: "debug" }) : silentLogger;
    bot = await startTelegram(
      { token: tg.token, apiRoot: tg.apiRoot, pollTimeoutSec: 1, notifySweepMs: 100 },
      telegramBotDeps(h, {
        logger,
        payments: {
          plisio: createPlisioClient({ apiRoot: plisio.apiRoot, secretKey: plisio.secretKey, logger }),
          publicUrl: h.deps.publicUrl,
          expireMin: 60,
        },
      }),
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await h?.close();
    await tg?.close();
    await plisio?.close();
    await testDb?.drop();
  });

  const say = async (text: string, match: (m: BotMessage) => boolean = () => true) => {
    const since = tg.state.botMessages.length;
    tg.send(alice, text);
    return tg.waitFor((m) => m.chatId === alice.id && match(m), { since });
  };
  const click = async (message: BotMessage, button: string | RegExp, match: (m: BotMessage) => boolean) => {
    const since = tg.state.botMessages.length;
    const edits = message.edits;
    tg.click(alice, message, button);
    for (let i = 0; i < 500; i++) {
      const fresh = tg.state.botMessages.slice(since).find((m) => m.chatId === alice.id && match(m));
      if (fresh) return fresh;
      if (message.edits > edits && match(message)) return message;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no answer to ${button}: ${JSON.stringify(tg.state.botMessages.slice(since).map((m) => m.text))}`);
  };
  const text = (pattern: RegExp) => (m: BotMessage) => pattern.test(m.text ?? m.caption ?? "");
  const postCallback = (body: unknown) =>
    h.request("POST", "/webhooks/plisio?json=true", undefined, { auth: false, raw: JSON.stringify(body) });
  /** The subscribe flow to the end: "Subscribed", or the refusal it meets on the way. */
  const subscribe = async (strategy: RegExp) => {
    const pick = await say("/subscribe", text(/Which strategy/));
    const next = await click(pick, strategy, text(/With which account|premium strategy/));
    if (/premium strategy/.test(next.text ?? "")) return next;
    const modes = await click(next, /paper/, text(/How should each trade be sized|premium strategy/));
    if (/premium strategy/.test(modes.text ?? "")) return modes;
    await click(modes, /fixed USDT/, text(/How many USDT/));
    const leverage = await say("100", text(/Cap the leverage|premium strategy/));
    if (/premium strategy/.test(leverage.text ?? "")) return leverage;
    return click(leverage, "3x", text(/^Subscribed|premium strategy/));
  };

  it("buys, pays once, and follows the premium strategy", async () => {
    const prisma = testDb.db.prisma;
    // Bob brought Alice; Alice has accepted the terms, declared a country and has a paper account.
    await say("/start", text(/Welcome to Mimic/));
    const user = await prisma.user.findUniqueOrThrow({ where: { telegramId: String(alice.id) } });
    const bob = await prisma.user.create({ data: { displayName: "bob" } });
    await prisma.user.update({
      where: { id: user.id },
      data: { termsVersion: termsVersion(), country: "DE", referredById: bob.id },
    });
    await h.admin("POST", `/api/admin/users/${user.id}/accounts`, { exchange: "paper", paperBalance: "10000" });
    const strategy = await h.admin<{ slug: string }>("POST", "/api/admin/strategies", { name: "Premium BTC" });
    const plan = await h.admin<{ id: string }>("POST", "/api/admin/plans", {
      name: "Pro",
      priceUsd: "29.99",
      periodDays: 30,
      strategies: [strategy.slug],
    });

    // Premium without a plan: refused, pointing to /plans.
    expect((await subscribe(/Premium BTC/)).text).toMatch(/premium strategy.*\/plans/s);

    // 1. /plans shows the plan; "Buy" makes the invoice at the plan's price; the bot sends its link.
    const plans = await say("/plans", text(/Pro: 29\.99 USD for 30 days/));
    expect(plans.text).toMatch(/Includes: Premium BTC/);
    const invoiceMessage = await click(plans, /Buy Pro/, text(/plisio\.net\/invoice/));
    const invoice = plisio.invoices.at(-1);
    if (!invoice) throw new Error("no invoice requested");
    expect(invoice.params).toMatchObject({
      source_currency: "USD",
      source_amount: "29.99",
      callback_url: "http://mimic.test/webhooks/plisio?json=true",
      expire_min: "60",
    });
    expect(invoiceMessage.text).toContain(invoice.invoiceUrl);
    const payment = await prisma.payment.findUniqueOrThrow({ where: { orderNumber: invoice.params.order_number } });
    expect(payment).toMatchObject({ userId: user.id, planId: plan.id, status: "new" });
    expect(payment.amountUsd.toString()).toBe("29.99");

    // 4. A wrong verify_hash: 401, nothing changed.
    const completed = plisio.callback(invoice, "completed");
    expect((await postCallback({ ...completed, verify_hash: "f".repeat(40) })).status).toBe(401);
    expect(await prisma.paymentEvent.count()).toBe(0);

    // 2. The completed callback activates the plan and the follower is told; the premium strategy is open to them.
    const since = tg.state.botMessages.length;
    expect((await postCallback(completed)).status).toBe(200);
    const activated = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(activated.planId).toBe(plan.id);
    expect(activated.planActiveUntil?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    await tg.waitFor((m) => m.chatId === alice.id && /Payment received: Pro is active until/.test(m.text ?? ""), {
      since,
    });
    expect((await subscribe(/Premium BTC/)).text).toMatch(/^Subscribed/);

    // 3. The same callback again: 200, and nothing changes.
    const again = await postCallback(completed);
    expect([again.status, await again.json()]).toEqual([200, { ok: true, outcome: "duplicate" }]);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.planActiveUntil).toEqual(activated.planActiveUntil);
    expect(await prisma.auditLog.count({ where: { userId: user.id, action: "plan.extended" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: user.id, kind: "payment" } })).toBe(1);

    // 5. Bob's commission on Alice's payment is pending (20% of the plan's price).
    const commissions = await prisma.commission.findMany({ where: { referrerId: bob.id } });
    expect(commissions).toMatchObject([{ paymentId: payment.id, status: "pending" }]);
    expect(commissions[0]?.amountUsd.toString()).toBe("5.998");
  });
});
