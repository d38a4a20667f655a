import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminTestbed } from "./test-support.ts";

describe("admin page: actions, each audited", () => {
  const t = adminTestbed();
  const { request, post, fire } = t;
  beforeAll(async () => {
    await t.start();
    // Every follower holds a BTC trade to act on.
    await fire({ symbol: "BTCUSDT.P", action: "long", price: 50000 });
  });
  afterAll(t.stop);

  it("pauses and resumes a subscription, with an audit row naming the session and address", async () => {
    const { subscriptionId, userId } = t.seeded.followers[1] as { subscriptionId: string; userId: string };
    const res = await post(`/admin/subscriptions/${subscriptionId}/pause`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/followers/${userId}?done=paused`);
    expect((await t.db.subscription.findUniqueOrThrow({ where: { id: subscriptionId } })).status).toBe("paused");
    const [row] = await t.auditRows("admin.subscription.paused");
    expect(row).toMatchObject({ userId, ip: "198.51.100.7", details: { subscriptionId } });
    expect(row?.actor).toMatch(/^admin:[0-9a-f]{16}$/);
    expect(await (await request(res.headers.get("location") as string)).text()).toContain("Subscription paused.");
    await post(`/admin/subscriptions/${subscriptionId}/resume`);
    expect((await t.db.subscription.findUniqueOrThrow({ where: { id: subscriptionId } })).status).toBe("active");
    expect(await t.auditRows("admin.subscription.resumed")).toHaveLength(1);
  });

  it("disables a user: every subscription paused, audited; enabling leaves them paused", async () => {
    const { subscriptionId, userId } = t.seeded.followers[2] as { subscriptionId: string; userId: string };
    expect((await post(`/admin/followers/${userId}/disable`)).status).toBe(303);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.disabledAt).not.toBeNull();
    expect((await t.db.subscription.findUniqueOrThrow({ where: { id: subscriptionId } })).status).toBe("paused");
    expect((await t.auditRows("admin.user.disabled"))[0]).toMatchObject({
      userId,
      details: { pausedSubscriptions: [subscriptionId] },
    });
    // A disabled user's subscription cannot be resumed.
    expect((await post(`/admin/subscriptions/${subscriptionId}/resume`)).status).toBe(409);
    await post(`/admin/followers/${userId}/enable`);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: userId } })).disabledAt).toBeNull();
    expect((await t.auditRows("admin.user.enabled"))[0]?.userId).toBe(userId);
  });

  it("closes a follower's trade with reason admin", async () => {
    const { accountId } = t.seeded.followers[0] as { accountId: string };
    const trade = await t.db.trade.findFirstOrThrow({ where: { accountId, status: "open" } });
    const res = await post(`/admin/trades/${trade.id}/close`);
    expect(res.status).toBe(303);
    const closed = await t.db.trade.findUniqueOrThrow({ where: { id: trade.id } });
    expect(closed).toMatchObject({ status: "closed", closeReason: "admin" });
    expect((await t.auditRows("admin.trade.closed"))[0]).toMatchObject({ accountId, details: { tradeId: trade.id } });
    expect((await post(`/admin/trades/${trade.id}/close`)).status).toBe(409);
  });

  it("creates a strategy and rotates its passphrase, each shown once; sets the owner; audits each", async () => {
    const created = await post("/admin/strategies", { name: "Admin made", slug: "", ownerUserId: "" });
    expect(created.status).toBe(200);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const html = await created.text();
    const passphrase = /class="secret">([^<]+)</.exec(html)?.[1];
    expect(passphrase).toBeTruthy();
    const strategy = await t.db.strategy.findUniqueOrThrow({ where: { slug: "admin-made" } });
    expect(strategy.passphraseHash).not.toContain(passphrase);
    expect((await t.auditRows("admin.strategy.created"))[0]?.details).toMatchObject({ strategyId: strategy.id });
    // The list afterwards does not show it again.
    expect(await (await request("/admin/strategies")).text()).not.toContain(passphrase);

    const rotated = await post(`/admin/strategies/${strategy.id}/passphrase`);
    const fresh = /class="secret">([^<]+)</.exec(await rotated.text())?.[1];
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(passphrase);
    expect(await t.auditRows("admin.strategy.passphrase_rotated")).toHaveLength(1);

    const owner = t.seeded.followers[0]?.userId as string;
    expect((await post(`/admin/strategies/${strategy.id}/owner`, { ownerUserId: owner })).status).toBe(303);
    expect((await t.db.strategy.findUniqueOrThrow({ where: { id: strategy.id } })).ownerUserId).toBe(owner);
    expect((await t.auditRows("admin.strategy.owner_set"))[0]?.userId).toBe(owner);
    expect((await post(`/admin/strategies/${strategy.id}/owner`, { ownerUserId: "someone" })).status).toBe(400);
  });

  it("a paused strategy records its signals and fans none out", async () => {
    const { strategy } = t.seeded;
    expect((await post(`/admin/strategies/${strategy.id}/pause`)).status).toBe(303);
    expect((await t.auditRows("admin.strategy.paused"))[0]?.details).toEqual({ strategyId: strategy.id });
    const signalId = await fire({ symbol: "ETHUSDT", action: "long", price: 3000, id: "paused-1" });
    const signal = await t.db.signal.findUniqueOrThrow({ where: { id: signalId } });
    expect(signal.status).toBe("dispatched");
    expect(await t.db.execution.count({ where: { signalId } })).toBe(0);
    await post(`/admin/strategies/${strategy.id}/resume`);
    expect((await t.db.strategy.findUniqueOrThrow({ where: { id: strategy.id } })).pausedAt).toBeNull();
  });
});
