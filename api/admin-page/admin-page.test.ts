import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { adminTestbed, fromAddress, ORIGIN } from "./test-support.ts";

describe("admin page: access, pages, live events", () => {
  const t = adminTestbed();
  const { request, post, signIn, fire } = t;
  beforeAll(t.start);
  afterAll(t.stop);

  it("sends every /admin page to the login form without a session", async () => {
    for (const path of [
      "/admin",
      "/admin/followers",
      `/admin/followers/${t.seeded.followers[0]?.userId}`,
      "/admin/events",
    ]) {
      const res = await t.app.request(path);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/admin/login");
    }
    const form = await t.app.request("/admin/login");
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="token"');
    const csp = form.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
  });

  it("signs in with the token: a signed, HttpOnly, SameSite=Strict cookie for 12 h; a wrong token gets the form", async () => {
    const res = await signIn();
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Max-Age=43200/);
    expect(setCookie).not.toMatch(/Secure/);
    const secureApp = createApp({ ...t.deps, secureCookies: true });
    expect((await signIn(secureApp)).headers.get("set-cookie")).toMatch(/Secure/);

    const wrong = await t.app.request(
      "/admin/login",
      {
        method: "POST",
        body: "token=nope",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
      },
      fromAddress("198.51.100.8"),
    );
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect(await wrong.text()).toContain("That token is not right.");
    expect((await t.auditRows("admin.login"))[0]?.ip).toBe("198.51.100.7");
  });

  it("refuses a tampered or expired session", async () => {
    const tampered = t.cookie.replace(/=([0-9a-f])/, (_, c: string) => `=${c === "a" ? "b" : "a"}`);
    expect((await t.app.request("/admin", { headers: { cookie: tampered } })).status).toBe(303);
    const was = t.clock.ms;
    t.clock.ms += 12 * 3_600_000 + 1000;
    expect((await request("/admin")).status).toBe(303);
    t.clock.ms = was;
    expect((await request("/admin")).status).toBe(200);
  });

  it("refuses a form posted from another origin (CSRF)", async () => {
    const sub = t.seeded.followers[0]?.subscriptionId;
    const res = await post(`/admin/subscriptions/${sub}/pause`, {}, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    const row = await t.db.subscription.findUniqueOrThrow({ where: { id: sub } });
    expect(row.status).toBe("active");
  });

  it("limits login attempts to 10 a minute per address", async () => {
    const fresh = createApp(t.deps);
    const attempt = () =>
      fresh.request(
        "/admin/login",
        {
          method: "POST",
          body: "token=guess",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
        },
        fromAddress("203.0.113.50"),
      );
    for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(429);
    // Another address is not held back.
    await signIn(fresh, "203.0.113.51");
  });

  it("renders every page", async () => {
    const { followers, strategy } = t.seeded;
    const signalId = await fire({ symbol: "BTCUSDT.P", action: "long", price: 50000 });
    // The country the follower declared in a bot (core/community/terms) is on their page and in the JSON.
    await t.h.deps.db.user.update({
      where: { id: followers[0]?.userId },
      data: { country: "PT", countryDeclaredAt: new Date("2026-12-01T10:00:00Z") },
    });
    // A plan of no strategy (nothing becomes premium): listed with the strategies, shown on the follower's page.
    const plan = await t.h.deps.db.plan.create({ data: { name: "Starter", priceUsd: "9", periodDays: 30 } });
    await t.h.deps.db.user.update({
      where: { id: followers[0]?.userId },
      data: { planId: plan.id, planActiveUntil: new Date("2099-01-01T00:00:00Z") },
    });
    const pages: [string, string][] = [
      ["/admin", "Signals, last hour"],
      ["/admin/followers", "follower 0"],
      ["/admin/followers?q=follower%201", "follower 1"],
      [`/admin/followers?q=${followers[2]?.userId}`, "follower 2"],
      [`/admin/followers/${followers[0]?.userId}`, "Subscriptions"],
      [`/admin/followers/${followers[0]?.userId}`, "Portugal (PT), declared 2026-12-01"],
      ["/admin/strategies", strategy.slug],
      ["/admin/strategies", "Starter"],
      [`/admin/followers/${followers[0]?.userId}`, "Starter, active until 2099-01-01"],
      [`/admin/followers/${followers[0]?.userId}`, "0 clicks, 0 signups, 0 copied a trade, 0 paying"],
      ["/admin/signals", "BTC/USDT:USDT"],
      [`/admin/signals?strategy=${strategy.id}&action=long`, "BTC/USDT:USDT"],
      [`/admin/signals/${signalId}`, 'data-count="'],
      ["/admin/audit?action=admin.", "admin.login"],
    ];
    for (const [path, text] of pages) {
      const res = await request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain(text);
    }
    const fragment = await request("/admin", { headers: { "x-admin-fragment": "1" } });
    expect(fragment.headers.get("x-admin-fragment")).toBe("1");
    expect(await fragment.text()).not.toContain("<html");
    const search = await request("/admin/followers?q=follower%201");
    expect(await search.text()).not.toContain("follower 2");
    expect((await request(`/admin/followers/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("GET /api/admin/followers: the copier view as JSON, behind the bearer token", async () => {
    expect((await t.h.request("GET", "/api/admin/followers", undefined, { auth: false })).status).toBe(401);
    const res = await t.h.request("GET", "/api/admin/followers?q=follower%200");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { followers: { id: string; signals: { received: number } }[] };
    expect(body.followers).toHaveLength(1);
    expect(body.followers[0]).toMatchObject({
      id: t.seeded.followers[0]?.userId,
      country: "PT",
      signals: { received: 1, filled: 1 },
      accounts: [{ exchange: "paper", status: "active" }],
    });
    expect((await t.h.request("GET", "/api/admin/followers?page=0")).status).toBe(400);
  });

  it("streams live events to a signed-in page, coalesced", async () => {
    const res = await request("/admin/events");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = "";
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    };
    await readUntil("event: hello");
    const signalId = crypto.randomUUID();
    for (let i = 0; i < 50; i++) t.deps.events?.publish({ type: "execution", signalId, status: "filled" });
    t.deps.events?.publish({ type: "trade", tradeId: "t1", state: "opened" });
    await readUntil('"t1"');
    await readUntil("\n\n");
    const updates = [...text.matchAll(/event: update\ndata: (.*)\n/g)].map(
      (m) => JSON.parse(m[1] as string) as { type: string; signalId?: string; tradeId?: string }[],
    );
    const ours = updates.find((u) => u.some((e) => e.tradeId === "t1")) ?? [];
    // Fifty finished executions of one signal arrive as one entry with the signal's counts.
    expect(ours.filter((e) => e.signalId === signalId)).toEqual([
      { type: "executions", signalId, counts: { pending: 0, placed: 0, filled: 0, failed: 0, skipped: 0 } },
    ]);

    // Events arriving every 100 ms for 1.5 s reach the page at most twice a second.
    const arrivals: number[] = [];
    const until = Date.now() + 1500;
    const publishing = (async () => {
      for (let i = 0; Date.now() < until; i++) {
        t.deps.events?.publish({ type: "trade", tradeId: `burst-${i}`, state: "opened" });
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    let seen = text.length;
    while (Date.now() < until + 800) {
      const { value, done } = await Promise.race([
        reader.read(),
        new Promise<{ value: undefined; done: false }>((r) =>
          setTimeout(() => r({ value: undefined, done: false }), 900),
        ),
      ]);
      if (done) break;
      if (value) text += decoder.decode(value);
      const fresh = text.slice(seen);
      seen = text.length;
      for (const _ of fresh.matchAll(/event: update\ndata: .*burst-/g)) arrivals.push(Date.now());
    }
    await publishing;
    expect(arrivals.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < arrivals.length; i++) {
      expect((arrivals[i] as number) - (arrivals[i - 1] as number)).toBeGreaterThanOrEqual(450);
    }
    await reader.cancel();
  });
});
