import { expect } from "vitest";
import { createInProcessLiveEvents } from "../../core/platform/live-events.ts";
import { createTestDatabase } from "../../test/db.ts";
import { createHarness, type Harness, seedPaperFollowers } from "../../test/harness.ts";
import { createApp } from "../app.ts";
import type { AppDeps } from "../app-deps.ts";

export const ORIGIN = "http://localhost";
// What @hono/node-server hands the app: the socket the request came on (app.request has none of its own).
export const fromAddress = (address: string) => ({
  incoming: { socket: { remoteAddress: address, remoteFamily: "IPv4" } },
});

/**
 * The app over a test database with three paper followers of one strategy, an in-process live-events bus, a clock
 * the test moves (`clock.ms`) and a signed-in session: what the admin page's tests share.
 */
export function adminTestbed() {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;
  let deps: AppDeps;
  let app: ReturnType<typeof createApp>;
  let cookie = "";
  let seeded: Awaited<ReturnType<typeof seedPaperFollowers>>;
  const clock = { ms: Date.now() };

  const request = (path: string, init: RequestInit = {}, address = "198.51.100.7") =>
    app.request(
      path,
      { ...init, headers: { cookie, origin: ORIGIN, ...(init.headers as Record<string, string>) } },
      fromAddress(address),
    );
  const post = (path: string, form: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    request(path, {
      method: "POST",
      body: new URLSearchParams(form).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    });
  const signIn = async (target = app, address = "198.51.100.7") => {
    const res = await target.request(
      "/admin/login",
      {
        method: "POST",
        body: new URLSearchParams({ token: deps.adminToken }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
      },
      fromAddress(address),
    );
    expect(res.status).toBe(303);
    return res;
  };
  /** A signal by the strategy's webhook, copied to its followers before this resolves. */
  const fire = async (body: Record<string, unknown>) => {
    const res = await h.request(
      "POST",
      `/webhooks/tradingview/${seeded.strategy.slug}`,
      { passphrase: seeded.strategy.passphrase, ...body },
      { auth: false },
    );
    expect(res.status).toBe(202);
    await h.queue.drain();
    return ((await res.json()) as { signalId: string }).signalId;
  };

  return {
    clock,
    request,
    post,
    signIn,
    fire,
    get app() {
      return app;
    },
    /** The signed-in session's cookie ("mimic_admin=…"). */
    get cookie() {
      return cookie;
    },
    get deps() {
      return deps;
    },
    get h() {
      return h;
    },
    get db() {
      return testDb.db.prisma;
    },
    get seeded() {
      return seeded;
    },
    auditRows: (action: string) => testDb.db.prisma.auditLog.findMany({ where: { action }, orderBy: { at: "desc" } }),
    async start() {
      testDb = await createTestDatabase();
      // A price for paper closes, which carry none of their own (the paper venue stands in for a live one).
      h = createHarness({ db: testDb.db, paperPrices: { "BTC/USDT:USDT": "50100" } });
      deps = {
        ...h.deps,
        sql: testDb.db.sql,
        events: createInProcessLiveEvents(),
        clock: { now: () => new Date(clock.ms) },
      };
      app = createApp(deps);
      seeded = await seedPaperFollowers(h, 3);
      cookie = ((await signIn()).headers.get("set-cookie") ?? "").split(";")[0] as string;
    },
    async stop() {
      await deps?.events?.close();
      await h?.close();
      await testDb?.drop();
    },
  };
}
