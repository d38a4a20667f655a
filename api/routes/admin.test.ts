import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settingSchemas, sizingValueSchemas } from "../../core/subscriptions/subscription-settings.ts";
import { createTestDatabase } from "../../test/db.ts";
import { createHarness, type Harness } from "../../test/harness.ts";

describe("admin API", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    h = createHarness({ db: testDb.db });
  });
  afterAll(async () => {
    await h?.close();
    await testDb?.drop();
  });

  it("GET /health needs no token and reports db and queue", async () => {
    const res = await h.request("GET", "/health", undefined, { auth: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok", queue: "ok" });
  });

  it("401 without the bearer token or with a wrong one", async () => {
    const res = await h.request("POST", "/api/admin/users", {}, { auth: false });
    expect(res.status).toBe(401);
    const wrong = await h.app.request("/api/admin/users", {
      method: "POST",
      headers: { authorization: "Bearer nope", "content-type": "application/json" },
      body: "{}",
    });
    expect(wrong.status).toBe(401);
    expect(await testDb.db.prisma.user.count()).toBe(0);
  });

  it("creates a strategy and shows its passphrase once, storing only a hash", async () => {
    const res = await h.request("POST", "/api/admin/strategies", { name: "Momentum BTC" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; slug: string; webhookUrl: string; passphrase: string };
    expect(body.slug).toBe("momentum-btc");
    expect(body.webhookUrl).toBe("http://mimic.test/webhooks/tradingview/momentum-btc");
    const row = await testDb.db.prisma.strategy.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.passphraseHash).not.toContain(body.passphrase);
    const dup = await h.request("POST", "/api/admin/strategies", { name: "x", slug: "momentum-btc" });
    expect(dup.status).toBe(409);
  });

  it("a strategy's owner and subscriber role are set at creation and changed with PATCH", async () => {
    const owner = await h.admin<{ id: string }>("POST", "/api/admin/users", { discordId: "400000000000000001" });
    const s = await h.admin<{ id: string; ownerUserId: string | null }>("POST", "/api/admin/strategies", {
      name: "Owned",
      ownerUserId: owner.id,
    });
    expect(s.ownerUserId).toBe(owner.id);
    const patched = await h.request("PATCH", `/api/admin/strategies/${s.id}`, {
      subscriberRoleId: "<@&500000000000000001>",
      subscriberRoleGuildId: "600000000000000001",
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      id: s.id,
      ownerUserId: owner.id,
      subscriberRoleId: "500000000000000001",
      subscriberRoleGuildId: "600000000000000001",
    });
    const cleared = await h.admin<{ ownerUserId: string | null; subscriberRoleId: string | null }>(
      "PATCH",
      `/api/admin/strategies/${s.id}`,
      { ownerUserId: null, subscriberRoleId: null },
    );
    expect(cleared).toMatchObject({ ownerUserId: null, subscriberRoleId: null });
    const bad = [
      [{ ownerUserId: "3e6f4a5e-0000-4000-8000-000000000000" }, 400, /ownerUserId: user .* does not exist/],
      [{ subscriberRoleId: "moderators" }, 400, /subscriberRoleId/],
      [{ colour: "red" }, 400, /colour/],
      [{}, 400, /at least one field/],
    ] as const;
    for (const [body, status, message] of bad) {
      const res = await h.request("PATCH", `/api/admin/strategies/${s.id}`, body);
      expect(res.status).toBe(status);
      expect(JSON.stringify(await res.json())).toMatch(message);
    }
    const missing = await h.request("PATCH", "/api/admin/strategies/3e6f4a5e-0000-4000-8000-000000000000", {
      name: "x",
    });
    expect(missing.status).toBe(404);
  });

  it("rotating a passphrase makes the old one fail", async () => {
    const s = await h.admin<{ id: string; slug: string; passphrase: string }>("POST", "/api/admin/strategies", {
      name: "Rotate me",
    });
    const body = { symbol: "BTCUSDT", action: "close" };
    // Delivered once first, so the strategy sits in the webhook's lookup cache when it is rotated.
    const before = await h.request("POST", `/webhooks/tradingview/${s.slug}`, { ...body, passphrase: s.passphrase });
    expect(before.status).toBe(202);
    const { passphrase } = await h.admin<{ passphrase: string }>("POST", `/api/admin/strategies/${s.id}/passphrase`);
    const old = await h.request("POST", `/webhooks/tradingview/${s.slug}`, {
      ...body,
      id: 2,
      passphrase: s.passphrase,
    });
    expect(old.status).toBe(401);
    const fresh = await h.request("POST", `/webhooks/tradingview/${s.slug}`, { ...body, passphrase });
    expect(fresh.status).toBe(202);
  });

  it.each([
    ["/api/admin/strategies", {}, "name"],
    ["/api/admin/users", { discordId: "abc" }, "discordId"],
    ["/api/admin/subscriptions", { strategy: "x", sizing: { mode: "risk" } }, "accountId"],
    [
      "/api/admin/subscriptions",
      { accountId: "00000000-0000-4000-8000-000000000000", strategy: "x", sizing: { mode: "all-in" } },
      "sizing.mode",
    ],
  ])("400 naming the field: POST %s %j", async (path, body, field) => {
    const res = await h.request("POST", path, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "BAD_REQUEST", field } });
  });

  it("400 for an unsupported exchange, 404 for an unknown user", async () => {
    const user = await h.admin<{ id: string }>("POST", "/api/admin/users", { telegramId: 1234 });
    const bad = await h.request("POST", `/api/admin/users/${user.id}/accounts`, { exchange: "mtgox" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { field: "exchange" } });
    const noKey = await h.request("POST", `/api/admin/users/${user.id}/accounts`, { exchange: "binanceusdm" });
    expect(noKey.status).toBe(400);
    expect(await noKey.json()).toMatchObject({ error: { field: "apiKey" } });
    const unknown = await h.request("POST", "/api/admin/users/00000000-0000-4000-8000-000000000000/accounts", {
      exchange: "paper",
    });
    expect(unknown.status).toBe(404);
  });

  it("fixed and multiplier sizing need a value; a second subscription to the same strategy conflicts", async () => {
    const user = await h.admin<{ id: string }>("POST", "/api/admin/users", {});
    const account = await h.admin<{ id: string }>("POST", `/api/admin/users/${user.id}/accounts`, {
      exchange: "paper",
    });
    const s = await h.admin<{ slug: string }>("POST", "/api/admin/strategies", { name: "Sizing" });
    const noValue = await h.request("POST", "/api/admin/subscriptions", {
      accountId: account.id,
      strategy: s.slug,
      sizing: { mode: "fixed" },
    });
    expect(noValue.status).toBe(400);
    expect(await noValue.json()).toMatchObject({ error: { field: "sizing.value" } });
    const ok = await h.request("POST", "/api/admin/subscriptions", {
      accountId: account.id,
      strategy: s.slug,
      sizing: { mode: "risk", value: 2 },
    });
    expect(ok.status).toBe(201);
    const again = await h.request("POST", "/api/admin/subscriptions", {
      accountId: account.id,
      strategy: s.slug,
      sizing: { mode: "risk", value: 2 },
    });
    expect(again.status).toBe(409);
  });

  it("refuses a subscription setting with the same words as the chat, naming the field", async () => {
    const user = await h.admin<{ id: string }>("POST", "/api/admin/users", {});
    const account = await h.admin<{ id: string }>("POST", `/api/admin/users/${user.id}/accounts`, {
      exchange: "paper",
    });
    const s = await h.admin<{ slug: string }>("POST", "/api/admin/strategies", { name: "Same rules" });
    const base = { accountId: account.id, strategy: s.slug, sizing: { mode: "fixed", value: "250" } };
    const chat = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
      r.success ? "accepted" : r.error?.issues[0]?.message;
    for (const [change, field, inChat] of [
      [{ tpPerc: 150 }, "tpPerc", chat(settingSchemas.tpPerc.safeParse("150"))],
      [{ slPerc: "100" }, "slPerc", chat(settingSchemas.slPerc.safeParse("100"))],
      [{ sizing: { mode: "risk", value: 101 } }, "sizing.value", chat(sizingValueSchemas.risk.safeParse("101"))],
      [{ maxLeverage: 126 }, "maxLeverage", chat(settingSchemas.maxLeverage.safeParse("126"))],
      [{ maxOpenPositions: 101 }, "maxOpenPositions", chat(settingSchemas.maxOpenPositions.safeParse("101"))],
      [{ maxSlippagePerc: 6 }, "maxSlippagePerc", chat(settingSchemas.maxSlippagePerc.safeParse("6"))],
      [{ maxSlippagePerc: 0 }, "maxSlippagePerc", chat(settingSchemas.maxSlippagePerc.safeParse("0"))],
      [{ sizing: { mode: "fixed", value: "1e30" } }, "sizing.value", chat(sizingValueSchemas.fixed.safeParse("1e30"))],
    ] as const) {
      const res = await h.request("POST", "/api/admin/subscriptions", { ...base, ...change });
      expect(res.status).toBe(400);
      expect(inChat).not.toBe("accepted");
      expect(await res.json()).toEqual({ error: { code: "BAD_REQUEST", message: `${field}: ${inChat}`, field } });
    }
    expect(await testDb.db.prisma.subscription.count({ where: { accountId: account.id } })).toBe(0);
    const ok = await h.request("POST", "/api/admin/subscriptions", {
      ...base,
      sizing: { mode: "risk", value: "2.5" },
      maxLeverage: "20",
      tpPerc: 99.5,
      slPerc: "1",
      maxOpenPositions: 3,
      maxSlippagePerc: "0.8",
    });
    expect(ok.status).toBe(201);
    const row = await testDb.db.prisma.subscription.findFirstOrThrow({ where: { accountId: account.id } });
    const decimals = [row.sizingValue, row.tpPercOverride, row.slPercOverride, row.maxSlippagePerc];
    expect(decimals.map(String)).toEqual(["2.5", "99.5", "1", "0.8"]);
    expect([row.maxLeverage, row.maxOpenPositions]).toEqual([20, 3]);
  });

  it("404 for an unknown signal", async () => {
    expect((await h.request("GET", "/api/admin/signals/nope")).status).toBe(404);
    expect((await h.request("GET", "/api/admin/signals/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
