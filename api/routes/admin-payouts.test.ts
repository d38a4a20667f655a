import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureInviteCode } from "../../core/billing/referrals/invite-code.ts";
import { createTestDatabase } from "../../test/db.ts";
import { createHarness, type Harness } from "../../test/harness.ts";

const TRON = "TJYeasTPa6gpEEfYcPQkfb5X1Qi3tx3Qq1";

describe("admin payouts and refunds API, referral short links", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;
  const db = () => testDb.db.prisma;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    h = createHarness({ db: testDb.db });
  });
  afterAll(async () => {
    await h?.close();
    await testDb?.drop();
  });

  async function seed() {
    const referrer = await db().user.create({ data: { displayName: "influencer" } });
    const referred = await db().user.create({ data: { referredById: referrer.id } });
    const plan = await db().plan.create({ data: { name: `p${Math.random()}`, priceUsd: "300", periodDays: 30 } });
    const payment = await db().payment.create({
      data: {
        orderNumber: `o${Math.random()}`,
        userId: referred.id,
        planId: plan.id,
        amountUsd: "300",
        status: "completed",
      },
    });
    const commission = await db().commission.create({
      data: { referrerId: referrer.id, paymentId: payment.id, amountUsd: "60", approvesAt: new Date(Date.now() + 1e6) },
    });
    return { referrer, payment, commission };
  }

  it("needs the admin token", async () => {
    expect((await h.request("GET", "/api/admin/payouts", undefined, { auth: false })).status).toBe(401);
    expect(
      (await h.request("POST", `/api/admin/payments/${crypto.randomUUID()}/refund`, {}, { auth: false })).status,
    ).toBe(401);
  });

  it("refunds a completed payment once, cancelling its commission on hold", async () => {
    const { payment, commission } = await seed();
    const res = await h.admin("POST", `/api/admin/payments/${payment.id}/refund`, { reason: "chargeback" });
    expect(res).toMatchObject({ paymentId: payment.id, commission: { status: "cancelled", cancelled: true } });
    expect((await db().commission.findUniqueOrThrow({ where: { id: commission.id } })).status).toBe("cancelled");
    expect((await h.request("POST", `/api/admin/payments/${payment.id}/refund`)).status).toBe(409);
    expect((await h.request("POST", `/api/admin/payments/${crypto.randomUUID()}/refund`)).status).toBe(404);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "payment.refunded" } });
    expect(audit.actor).toBe("admin:api");
  });

  it("lists payouts and marks one paid once, audited", async () => {
    const { referrer, commission } = await seed();
    await db().commission.update({ where: { id: commission.id }, data: { status: "approved" } });
    const payout = await db().payout.create({
      data: { userId: referrer.id, amountUsd: "60", address: TRON, network: "TRC20" },
    });
    await db().commission.update({ where: { id: commission.id }, data: { payoutId: payout.id } });

    const list = await h.admin<{ payouts: { id: string; amountUsd: string; status: string; commissions: number }[] }>(
      "GET",
      "/api/admin/payouts?status=requested",
    );
    expect(list.payouts).toEqual([
      expect.objectContaining({
        id: payout.id,
        amountUsd: "60.00",
        status: "requested",
        commissions: 1,
        displayName: "influencer",
      }),
    ]);
    expect((await h.request("POST", `/api/admin/payouts/${payout.id}/paid`, {})).status).toBe(400);
    const paid = await h.admin("POST", `/api/admin/payouts/${payout.id}/paid`, { txid: "0xfeedbeef" });
    expect(paid).toMatchObject({ status: "paid", txid: "0xfeedbeef", commissions: 1 });
    expect((await db().commission.findUniqueOrThrow({ where: { id: commission.id } })).status).toBe("paid");
    const again = await h.request("POST", `/api/admin/payouts/${payout.id}/paid`, { txid: "0xother" });
    expect(again.status).toBe(409);
    expect((await db().payout.findUniqueOrThrow({ where: { id: payout.id } })).txid).toBe("0xfeedbeef");
    expect(await db().auditLog.count({ where: { action: "payout.paid" } })).toBe(1);
  });

  it("rejects a requested payout once, releasing its commissions for the next request", async () => {
    const { referrer, commission } = await seed();
    const payout = await db().payout.create({
      data: { userId: referrer.id, amountUsd: "60", address: TRON, network: "TRC20" },
    });
    await db().commission.update({ where: { id: commission.id }, data: { status: "approved", payoutId: payout.id } });
    const res = await h.admin("POST", `/api/admin/payouts/${payout.id}/reject`, { reason: "wrong address" });
    expect(res).toEqual({ id: payout.id, status: "rejected", released: 1 });
    expect(await db().commission.findUniqueOrThrow({ where: { id: commission.id } })).toMatchObject({
      status: "approved",
      payoutId: null,
    });
    expect((await h.request("POST", `/api/admin/payouts/${payout.id}/reject`)).status).toBe(409);
    expect((await h.request("POST", `/api/admin/payouts/${payout.id}/paid`, { txid: "0xabcd" })).status).toBe(409);
  });

  it("counts a short link's click and redirects to the Telegram deep link", async () => {
    const owner = await db().user.create({ data: {} });
    const code = await ensureInviteCode({ userId: owner.id }, { db: db() });
    h.deps.telegramBotUsername = "MimicTestBot";
    const res = await h.request("GET", `/r/${code.toLowerCase()}`, undefined, { auth: false });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`https://t.me/MimicTestBot?start=${code}`);
    expect(await db().referralClick.count({ where: { code } })).toBe(1);
    expect((await h.request("GET", "/r/NOSUCH2", undefined, { auth: false })).status).toBe(404);
    expect(await db().referralClick.count()).toBe(1);
  });
});
