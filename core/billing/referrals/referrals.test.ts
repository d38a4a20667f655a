import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { ensureChatUser } from "../../accounts/ensure-chat-user.ts";
import { mergeUsers } from "../../accounts/merge-users.ts";
import { isAppError } from "../../platform/errors.ts";
import { applyReferralCode } from "./apply-referral-code.ts";
import { approveDueCommissions } from "./approve-commissions.ts";
import { cancelCommission } from "./cancel-commission.ts";
import { ensureInviteCode, generateInviteCode, INVITE_ALPHABET } from "./invite-code.ts";
import { markPayoutPaid } from "./mark-payout-paid.ts";
import { parsePayoutAddress } from "./payout-address.ts";
import { recordReferralClick } from "./record-click.ts";
import { commissionWindowEnd, recordCommission } from "./record-commission.ts";
import { referralStats } from "./referral-stats.ts";
import { refundPayment } from "./refund-payment.ts";
import { requestPayout } from "./request-payout.ts";

const who = { actor: "admin:test", ip: null };
let now = new Date("2026-12-01T12:00:00Z");
const clock = { now: () => now };
const DAY = 86_400_000;
const TRON = "TJYeasTPa6gpEEfYcPQkfb5X1Qi3tx3Qq1";
const EVM = "0x52908400098527886E0F7030069857D2E4169EE7";

async function reason(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => new Error("accepted"),
    (e: unknown) => e,
  );
  if (!isAppError(err)) throw err;
  return String(err.details?.reason ?? err.code);
}

describe("referrals", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  const db = () => testDb.db.prisma;
  let seq = 0;
  let planId: string;
  const user = (data: { referredById?: string; createdAt?: Date } = {}) =>
    db().user.create({ data: { displayName: `u${++seq}`, ...data } });
  const pay = (userId: string, amountUsd: string, status: "completed" | "pending" = "completed") =>
    db().payment.create({ data: { orderNumber: `o${++seq}`, userId, planId, amountUsd, status } });

  beforeAll(async () => {
    testDb = await createTestDatabase();
    planId = (await db().plan.create({ data: { name: "Pro", priceUsd: "100", periodDays: 30 } })).id;
  }, 60_000);
  afterAll(async () => testDb?.drop());

  it("generates short codes of unambiguous characters, unique, retrying a collision, once per user", async () => {
    const code = generateInviteCode();
    expect(code).toMatch(new RegExp(`^[${INVITE_ALPHABET}]{7}$`));
    expect(code).not.toMatch(/[01OIL]/);
    const a = await user();
    const b = await user();
    const codeA = await ensureInviteCode({ userId: a.id }, { db: db() });
    const queue = [codeA, codeA, "ZZZZ222"];
    const codeB = await ensureInviteCode({ userId: b.id }, { db: db(), generate: () => queue.shift()! });
    expect(codeB).toBe("ZZZZ222");
    expect(await ensureInviteCode({ userId: b.id }, { db: db() })).toBe("ZZZZ222");
  });

  it("resolves /start <code> at signup, and refuses self-referral and a second referrer", async () => {
    const referrer = await user();
    const code = await ensureInviteCode({ userId: referrer.id }, { db: db() });
    const joined = await ensureChatUser(
      { transport: "telegram", externalId: "9001", referralCode: code.toLowerCase() },
      { db: db() },
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: joined.id } })).referredById).toBe(referrer.id);

    const other = await user();
    const otherCode = await ensureInviteCode({ userId: other.id }, { db: db() });
    expect(await reason(applyReferralCode({ userId: joined.id, code: otherCode }, { db: db() }))).toBe(
      "already_referred",
    );
    expect(await reason(applyReferralCode({ userId: other.id, code: otherCode }, { db: db() }))).toBe("self");
    expect(await reason(applyReferralCode({ userId: other.id, code: "NOPE999" }, { db: db() }))).toBe("unknown_code");
    // Discord's /referral use: a user without a referrer takes one, once.
    const fresh = await user();
    expect(await applyReferralCode({ userId: fresh.id, code: ` ${otherCode.toLowerCase()} ` }, { db: db() })).toEqual({
      referrerId: other.id,
    });
    expect(
      await reason(
        applyReferralCode(
          { userId: other.id, code: await ensureInviteCode({ userId: fresh.id }, { db: db() }) },
          { db: db() },
        ),
      ),
    ).toBe("loop");
  });

  it("owes the percentage of completed payments within the window, once per payment, on hold", async () => {
    const referrer = await user();
    const referred = await user({ referredById: referrer.id, createdAt: new Date(now.getTime() - 30 * DAY) });
    const p = await pay(referred.id, "49.99");
    const c = await recordCommission({ paymentId: p.id }, { db: db(), clock });
    expect(c).toMatchObject({ referrerId: referrer.id, status: "pending", amountUsd: "9.998" });
    expect(c!.approvesAt).toEqual(new Date(now.getTime() + 7 * DAY));
    // Again (a redelivered callback), inside a transaction too: the same row.
    const again = await db().$transaction((tx) => recordCommission({ paymentId: p.id }, { db: tx, clock }));
    expect(again!.id).toBe(c!.id);
    expect(await db().commission.count({ where: { paymentId: p.id } })).toBe(1);

    expect(
      await recordCommission({ paymentId: (await pay(referred.id, "10", "pending")).id }, { db: db(), clock }),
    ).toBeNull();
    const unreferred = await user();
    expect(await recordCommission({ paymentId: (await pay(unreferred.id, "10")).id }, { db: db(), clock })).toBeNull();

    const old = await user({ referredById: referrer.id, createdAt: new Date("2025-12-01T11:59:59Z") });
    expect(commissionWindowEnd(old.createdAt, 12)).toEqual(new Date("2026-12-01T11:59:59Z"));
    expect(await recordCommission({ paymentId: (await pay(old.id, "100")).id }, { db: db(), clock })).toBeNull();
    const custom = { commissionPerc: 50, months: 1, holdDays: 0, payoutMinUsd: 50 };
    expect(
      await recordCommission({ paymentId: (await pay(referred.id, "100")).id }, { db: db(), clock, settings: custom }),
    ).toBeNull();
  });

  it("approves after the hold; a refund before then cancels, after it does not", async () => {
    const referrer = await user();
    const referred = await user({ referredById: referrer.id, createdAt: now });
    const first = await pay(referred.id, "100");
    const second = await pay(referred.id, "100");
    await recordCommission({ paymentId: first.id }, { db: db(), clock });
    await recordCommission({ paymentId: second.id }, { db: db(), clock });

    expect(await refundPayment({ paymentId: first.id }, { db: db(), who })).toMatchObject({
      commission: { status: "cancelled", cancelled: true },
    });
    expect(await reason(refundPayment({ paymentId: first.id }, { db: db(), who }))).toBe("CONFLICT");
    expect(await db().auditLog.count({ where: { action: "payment.refunded" } })).toBe(1);

    now = new Date(now.getTime() + 7 * DAY - 1);
    expect(await approveDueCommissions({ db: db(), clock })).toBe(0);
    now = new Date(now.getTime() + 1);
    expect(await approveDueCommissions({ db: db(), clock })).toBeGreaterThanOrEqual(1);
    expect((await db().commission.findUniqueOrThrow({ where: { paymentId: second.id } })).status).toBe("approved");
    expect(await cancelCommission({ paymentId: second.id }, { db: db() })).toEqual({
      status: "approved",
      cancelled: false,
    });
    const stats = await referralStats({ userId: referrer.id, inviteCode: null }, { db: db() });
    expect(stats).toMatchObject({ signups: 1, paying: 1, copied: 0, payableUsd: "20.00" });
    expect(stats.commissions).toEqual({ pendingUsd: "0.00", approvedUsd: "20.00", paidUsd: "0.00" });
  });

  it("validates payout addresses per network", () => {
    expect(parsePayoutAddress({ address: TRON, network: "trc20" })).toEqual({ address: TRON, network: "TRC20" });
    expect(parsePayoutAddress({ address: EVM, network: "bsc" }).network).toBe("BEP20");
    expect(parsePayoutAddress({ address: EVM, network: "polygon" }).network).toBe("POLYGON");
    expect(() => parsePayoutAddress({ address: EVM, network: "TRC20" })).toThrow(/TRC20 address/);
    expect(() => parsePayoutAddress({ address: `${TRON.slice(0, 33)}0`, network: "TRC20" })).toThrow();
    expect(() => parsePayoutAddress({ address: "0x1234", network: "ERC20" })).toThrow();
    expect(() => parsePayoutAddress({ address: TRON, network: "SOL" })).toThrow(/unsupported network/);
  });

  it("pays the approved balance above the minimum, once", async () => {
    const referrer = await user();
    const referred = await user({ referredById: referrer.id, createdAt: now });
    const payments = [await pay(referred.id, "100"), await pay(referred.id, "100")];
    for (const p of payments) await recordCommission({ paymentId: p.id }, { db: db(), clock });
    const deps = { db: db() };
    // Pending is not payable.
    expect(await reason(requestPayout({ userId: referrer.id, address: TRON, network: "TRC20" }, deps))).toBe(
      "below_minimum",
    );
    now = new Date(now.getTime() + 8 * DAY);
    await approveDueCommissions({ db: db(), clock });
    const settings = { commissionPerc: 20, months: 12, holdDays: 7, payoutMinUsd: 50 };
    expect(
      await reason(requestPayout({ userId: referrer.id, address: TRON, network: "TRC20" }, { db: db(), settings })),
    ).toBe("below_minimum");

    const payout = await requestPayout(
      { userId: referrer.id, address: TRON, network: "TRC20" },
      { db: db(), settings: { ...settings, payoutMinUsd: 40 } },
    );
    expect(payout).toMatchObject({ amountUsd: "40.00", commissions: 2, network: "TRC20" });
    // The same balance cannot be asked for again, nor twice at once.
    const twice = await Promise.allSettled([
      requestPayout(
        { userId: referrer.id, address: TRON, network: "TRC20" },
        { db: db(), settings: { ...settings, payoutMinUsd: 0.01 } },
      ),
      requestPayout(
        { userId: referrer.id, address: TRON, network: "TRC20" },
        { db: db(), settings: { ...settings, payoutMinUsd: 0.01 } },
      ),
    ]);
    expect(twice.every((r) => r.status === "rejected")).toBe(true);

    const paid = await markPayoutPaid({ payoutId: payout.id, txid: "abc123" }, { db: db(), who, clock });
    expect(paid).toMatchObject({ status: "paid", commissions: 2, txid: "abc123" });
    expect(await reason(markPayoutPaid({ payoutId: payout.id, txid: "again" }, { db: db(), who, clock }))).toBe(
      "CONFLICT",
    );
    expect(await reason(markPayoutPaid({ payoutId: crypto.randomUUID(), txid: "x" }, { db: db(), who, clock }))).toBe(
      "NOT_FOUND",
    );
    const stats = await referralStats({ userId: referrer.id, inviteCode: null }, { db: db() });
    expect(stats.commissions.paidUsd).toBe("40.00");
    expect(stats.payableUsd).toBe("0.00");
  });

  it("keeps the referrer, the code and the commissions when /connect joins two identities", async () => {
    const referrer = await user();
    const code = await ensureInviteCode({ userId: referrer.id }, { db: db() });
    const discordSide = await user();
    await applyReferralCode({ userId: discordSide.id, code }, { db: db() });
    const discordCode = await ensureInviteCode({ userId: discordSide.id }, { db: db() });
    const earner = await user({ referredById: discordSide.id, createdAt: now });
    await recordCommission({ paymentId: (await pay(earner.id, "100")).id }, { db: db(), clock });
    const telegramSide = await user();
    await db().$transaction((tx) => mergeUsers({ from: discordSide.id, into: telegramSide.id }, tx));
    const merged = await db().user.findUniqueOrThrow({ where: { id: telegramSide.id } });
    expect([merged.referredById, merged.inviteCode]).toEqual([referrer.id, discordCode]);
    expect(await db().commission.count({ where: { referrerId: telegramSide.id, status: "pending" } })).toBe(1);
  });

  it("counts clicks on known codes only", async () => {
    const owner = await user();
    const code = await ensureInviteCode({ userId: owner.id }, { db: db() });
    expect(await recordReferralClick({ code: code.toLowerCase() }, { db: db() })).toBe(code);
    expect(await recordReferralClick({ code: "UNKNOWN2" }, { db: db() })).toBeNull();
    expect((await referralStats({ userId: owner.id, inviteCode: code }, { db: db() })).clicks).toBe(1);
  });
});
