import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { type FakePlisio, startFakePlisio } from "../../../test/fake-plisio/start-fake-plisio.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { silentLogger } from "../../platform/logger.ts";
import { applyPlisioCallback, type PlisioCallbackDeps } from "./apply-plisio-callback.ts";
import { buyPlan, type PaymentsConfig } from "./buy-plan.ts";
import { createPlisioClient } from "./plisio-client.ts";

const DAY = 86_400_000;

describe("Plisio callbacks: verified, matched, each (order, status) applied once", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DbClient;
  let plisio: FakePlisio;
  let payments: PaymentsConfig;
  let deps: PlisioCallbackDeps;
  let planId: string;
  const now = new Date("2026-12-07T00:00:00Z");
  const clock = { now: () => now };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.db.prisma;
    plisio = await startFakePlisio();
    payments = {
      plisio: createPlisioClient({ apiRoot: plisio.apiRoot, secretKey: plisio.secretKey, logger: silentLogger }),
      publicUrl: "https://mimic.example.com/",
      expireMin: 60,
    };
    deps = { db, clock, logger: silentLogger, secretKey: plisio.secretKey };
    planId = (await db.plan.create({ data: { name: "Pro", priceUsd: "29.99", periodDays: 30, allStrategies: true } }))
      .id;
  });
  afterAll(async () => {
    await plisio?.close();
    await testDb?.drop();
  });

  /** A follower Telegram reaches (so notices are written), optionally referred; and their invoice. */
  const buyer = async (referredById?: string) => {
    const user = await db.user.create({
      data: { displayName: "buyer", telegramId: String(Math.floor(Math.random() * 1e9)), referredById },
    });
    const bought = await buyPlan({ userId: user.id, planId }, { db, clock, logger: silentLogger, payments });
    const invoice = plisio.invoices.find((i) => i.params.order_number === bought.orderNumber);
    if (!invoice) throw new Error("no invoice");
    return { user, bought, invoice };
  };
  const state = async (userId: string, paymentId: string) => ({
    user: await db.user.findUniqueOrThrow({ where: { id: userId }, select: { planId: true, planActiveUntil: true } }),
    payment: await db.payment.findUniqueOrThrow({ where: { id: paymentId } }),
    events: await db.paymentEvent.count({ where: { paymentId } }),
    notices: await db.notification.findMany({ where: { userId }, select: { kind: true, payload: true } }),
    commissions: await db.commission.findMany({ where: { paymentId } }),
    audits: await db.auditLog.count({ where: { userId, action: "plan.extended" } }),
  });

  it("buying records the order at the plan's price and asks Plisio for it", async () => {
    const { user, bought, invoice } = await buyer();
    expect(invoice.params).toMatchObject({
      order_number: bought.orderNumber,
      source_currency: "USD",
      source_amount: "29.99",
      callback_url: "https://mimic.example.com/webhooks/plisio?json=true",
      expire_min: "60",
    });
    expect(await db.payment.findUniqueOrThrow({ where: { id: bought.paymentId } })).toMatchObject({
      userId: user.id,
      planId,
      status: "new",
      plisioTxnId: invoice.txnId,
      invoiceUrl: invoice.invoiceUrl,
    });
    expect(bought).toMatchObject({ plan: "Pro", amountUsd: "29.99", invoiceUrl: invoice.invoiceUrl });
    // A second press hands out the same open invoice.
    const again = await buyPlan({ userId: user.id, planId }, { db, clock, logger: silentLogger, payments });
    expect(again.paymentId).toBe(bought.paymentId);
    await expect(
      buyPlan({ userId: user.id, planId }, { db, clock, logger: silentLogger, payments: null }),
    ).rejects.toMatchObject({ details: { wording: "plans-payments-off" } });
  });

  it("a failed invoice request closes its order", async () => {
    const user = await db.user.create({ data: { displayName: "unlucky" } });
    plisio.faults.push({ kind: "error", status: 500, message: "down" });
    await expect(buyPlan({ userId: user.id, planId }, { db, clock, logger: silentLogger, payments })).rejects.toThrow();
    expect((await db.payment.findFirstOrThrow({ where: { userId: user.id } })).status).toBe("cancelled");
  });

  it("completed extends the plan, tells the user and records the referrer's commission, once", async () => {
    const referrer = await db.user.create({ data: { displayName: "referrer" } });
    const { user, bought, invoice } = await buyer(referrer.id);
    expect(await applyPlisioCallback(plisio.callback(invoice, "pending"), deps)).toMatchObject({ outcome: "recorded" });
    expect((await state(user.id, bought.paymentId)).payment.status).toBe("pending");
    // A late "new" does not move it back.
    await applyPlisioCallback(plisio.callback(invoice, "new"), deps);
    expect((await state(user.id, bought.paymentId)).payment.status).toBe("pending");

    const body = plisio.callback(invoice, "completed", { amount: "0.00045120", currency: "BTC" });
    expect(await applyPlisioCallback(body, deps)).toEqual({ outcome: "applied", paymentId: bought.paymentId });
    const after = await state(user.id, bought.paymentId);
    expect(after.user).toEqual({ planId, planActiveUntil: new Date(now.getTime() + 30 * DAY) });
    expect(after.payment).toMatchObject({ status: "completed", appliedAt: now, receivedAmount: "0.00045120" });
    expect(after.notices).toEqual([
      { kind: "payment", payload: { paymentId: bought.paymentId, outcome: "completed" } },
    ]);
    expect(after.commissions).toMatchObject([{ referrerId: referrer.id, status: "pending" }]);
    expect(after.commissions[0]?.amountUsd.toString()).toBe("5.998");

    // Redelivered, then a mismatch (overpaid) report of the same payment, then a late "expired": nothing moves.
    expect(await applyPlisioCallback(JSON.parse(JSON.stringify(body)), deps)).toMatchObject({ outcome: "duplicate" });
    expect(await applyPlisioCallback(plisio.callback(invoice, "mismatch"), deps)).toMatchObject({
      outcome: "recorded",
    });
    expect(await applyPlisioCallback(plisio.callback(invoice, "expired"), deps)).toMatchObject({ outcome: "recorded" });
    const later = await state(user.id, bought.paymentId);
    expect({ ...later, events: undefined }).toEqual({ ...after, events: undefined });
    expect(later.audits).toBe(1);
    // pending, new, completed, mismatch, expired: the redelivery added none.
    expect(later.events).toBe(5);
  });

  it("mismatch (overpaid) alone applies; a second paid invoice extends from the current end", async () => {
    const { user, invoice } = await buyer();
    await applyPlisioCallback(plisio.callback(invoice, "mismatch"), deps);
    const second = await buyPlan({ userId: user.id, planId }, { db, clock, logger: silentLogger, payments });
    // The first invoice is paid, so this is a new one.
    const next = plisio.invoices.find((i) => i.params.order_number === second.orderNumber);
    if (!next) throw new Error("no invoice");
    expect(await applyPlisioCallback(plisio.callback(next, "completed"), deps)).toMatchObject({ outcome: "applied" });
    expect((await state(user.id, second.paymentId)).user.planActiveUntil).toEqual(new Date(now.getTime() + 60 * DAY));
  });

  it("expired (underpaid) closes the payment and says what was received; cancelled closes it quietly", async () => {
    const a = await buyer();
    await applyPlisioCallback(plisio.callback(a.invoice, "expired", { amount: "0.0001", currency: "BTC" }), deps);
    const expired = await state(a.user.id, a.bought.paymentId);
    expect(expired.user.planId).toBeNull();
    expect(expired.payment).toMatchObject({ status: "expired", appliedAt: null, receivedAmount: "0.0001" });
    expect(expired.notices).toEqual([
      { kind: "payment", payload: { paymentId: a.bought.paymentId, outcome: "expired" } },
    ]);
    const b = await buyer();
    await applyPlisioCallback(plisio.callback(b.invoice, "cancelled"), deps);
    const cancelled = await state(b.user.id, b.bought.paymentId);
    expect(cancelled.payment.status).toBe("cancelled");
    expect(cancelled.notices).toEqual([]);
    // Statuses Plisio has and we do not act on are answered and recorded nowhere.
    expect(await applyPlisioCallback(plisio.callback(b.invoice, "error"), deps)).toMatchObject({ outcome: "ignored" });
  });

  it("refuses a wrong hash (401), an unknown order (404), another price or currency (400), and no key", async () => {
    const { user, bought, invoice } = await buyer();
    const body = plisio.callback(invoice, "completed");
    const refused = async (fields: Record<string, unknown>, code: string, d = deps) =>
      expect(applyPlisioCallback(fields, d)).rejects.toMatchObject({ code });
    await refused({ ...body, verify_hash: "0".repeat(40) }, "UNAUTHORIZED");
    await refused({ ...body, amount: "999" }, "UNAUTHORIZED");
    await refused(
      plisio.callback({ ...invoice, params: { ...invoice.params, order_number: "999" } }, "completed"),
      "NOT_FOUND",
    );
    await refused(plisio.callback(invoice, "completed", { source_amount: "2.99" }), "BAD_REQUEST");
    await refused(plisio.callback(invoice, "completed", { source_currency: "EUR" }), "BAD_REQUEST");
    await refused(body, "CONFIG_INVALID", { ...deps, secretKey: undefined });
    const untouched = await state(user.id, bought.paymentId);
    expect(untouched).toMatchObject({ events: 0, notices: [], audits: 0, payment: { status: "new" } });
    expect(untouched.user.planId).toBeNull();
    // The same amount written otherwise is the same price.
    expect(
      await applyPlisioCallback(plisio.callback(invoice, "completed", { source_amount: "29.990" }), deps),
    ).toMatchObject({ outcome: "applied" });
  });
});
