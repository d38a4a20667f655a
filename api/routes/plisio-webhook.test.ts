import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../core/platform/logger.ts";
import { createTestDatabase } from "../../test/db.ts";
import { signPlisioCallback } from "../../test/fake-plisio/sign-callback.ts";
import type { AppEnv } from "../app-deps.ts";
import { handleError } from "../error-handler.ts";
import { plisioWebhookRoutes } from "./plisio-webhook.ts";

// The route alone over a test database; test/e2e/plisio-telegram.test.ts runs it behind a real purchase.
describe("POST /webhooks/plisio", () => {
  const key = "route-test-secret";
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: Hono<AppEnv>;
  let noKey: Hono<AppEnv>;
  const order = "1796610000000999999";

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const db = testDb.db.prisma;
    const plan = await db.plan.create({ data: { name: "Pro", priceUsd: "10", periodDays: 30, allStrategies: true } });
    const user = await db.user.create({ data: { displayName: "payer" } });
    await db.payment.create({ data: { orderNumber: order, userId: user.id, planId: plan.id, amountUsd: "10" } });
    const build = (secretKey?: string) =>
      new Hono<AppEnv>()
        .use(async (c, next) => {
          c.set("logger", silentLogger);
          await next();
        })
        .onError(handleError)
        .route("/", plisioWebhookRoutes({ db, clock: { now: () => new Date() }, plisio: { secretKey } }));
    app = build(key);
    noKey = build(undefined);
  });
  afterAll(() => testDb?.drop());

  const post = (body: string, to = app) =>
    to.request("/webhooks/plisio?json=true", { method: "POST", headers: { "content-type": "application/json" }, body });
  const callback = (fields: Record<string, unknown> = {}) =>
    JSON.stringify(
      signPlisioCallback(
        {
          txn_id: "t1",
          status: "completed",
          source_currency: "USD",
          source_amount: "10.00",
          order_number: order,
          ...fields,
        },
        key,
      ),
    );

  it("401 for a wrong verify_hash, 404 for an unknown order, 400 for what is not JSON, 500 without a key", async () => {
    const tampered = JSON.parse(callback());
    tampered.source_amount = "1.00";
    expect((await post(JSON.stringify(tampered))).status).toBe(401);
    expect((await post(callback({ order_number: "1" }))).status).toBe(404);
    expect((await post("order_number=1&status=completed")).status).toBe(400);
    expect((await post("[]")).status).toBe(400);
    expect((await post(callback(), noKey)).status).toBe(500);
    expect(await testDb.db.prisma.paymentEvent.count()).toBe(0);
  });

  it("200 when applied, and 200 again for the same callback, which changes nothing", async () => {
    const body = callback();
    const first = await post(body);
    expect([first.status, await first.json()]).toEqual([200, { ok: true, outcome: "applied" }]);
    const again = await post(body);
    expect([again.status, await again.json()]).toEqual([200, { ok: true, outcome: "duplicate" }]);
    expect(await testDb.db.prisma.paymentEvent.count()).toBe(1);
  });
});
