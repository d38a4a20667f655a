import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dec } from "../../core/platform/decimal.ts";
import { createTestDatabase } from "../../test/db.ts";
import { createHarness, type Harness, seedPaperFollowers } from "../../test/harness.ts";

describe("POST /webhooks/tradingview/:strategy", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;
  let strategy: { slug: string; passphrase: string };
  const counts = async () => ({
    signals: await testDb.db.prisma.signal.count(),
    executions: await testDb.db.prisma.execution.count(),
    orders: await testDb.db.prisma.order.count(),
  });
  let before: Awaited<ReturnType<typeof counts>>;
  const fire = (body: unknown, slug = strategy.slug) =>
    h.request("POST", `/webhooks/tradingview/${slug}`, body, { auth: false });
  const valid = () => ({ passphrase: strategy.passphrase, symbol: "BTCUSDT.P", action: "long", price: 50000 });

  beforeAll(async () => {
    testDb = await createTestDatabase();
    h = createHarness({ db: testDb.db });
    ({ strategy } = await seedPaperFollowers(h, 2));
  });
  afterAll(async () => {
    await h?.close();
    await testDb?.drop();
  });
  beforeEach(async () => {
    await h.queue.drain();
    before = await counts();
  });

  const expectNothingCreated = async () => {
    await h.queue.drain();
    expect(await counts()).toEqual(before);
  };

  it("401 on a wrong passphrase", async () => {
    const res = await fire({ ...valid(), passphrase: "wrong" });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    await expectNothingCreated();
  });

  it.each([
    [{ symbol: "BTCUSDT", action: "long" }, "passphrase"],
    [{ action: "long" }, "symbol"],
    [{ symbol: "BTCUSDT", action: "buy" }, "action"],
    [{ symbol: "BTCUSDT", action: "long", leverage: 500 }, "leverage"],
    [{ symbol: "BTCUSDT", action: "long", risk_perc: "abc" }, "risk_perc"],
    [{ symbol: "BTCUSDT", action: "long", sl_perc: 0 }, "sl_perc"],
    [{ symbol: "NOTAPAIR", action: "long" }, "symbol"],
    [{ symbol: "BTCUSDT", action: "short", tp_perc: 100 }, "tp_perc"],
    [{ symbol: "BTCUSDT", action: "long", sl_perc: "150" }, "sl_perc"],
    [{ symbol: "BTCUSDT", action: "long", qty: "1e30" }, "qty"],
    [{ symbol: "BTCUSDT", action: "long", qty: 1e21 }, "qty"],
    [{ symbol: "BTCUSDT", action: "long", price: 1e-7 }, "price"],
    [{ symbol: "BTCUSDT", action: "long", risk_perc: "2E3" }, "risk_perc"],
    [{ symbol: "BTCUSDT", action: "long", price: "1".repeat(19) }, "price"],
    [{ symbol: "BTCUSDT", action: "long", qty: `0.${"0".repeat(18)}1` }, "qty"],
    [{ symbol: "BTCUSDT", action: "long", leverage: "1e1" }, "leverage"],
    [{ symbol: "BTCUSDT", action: "long", leverage: 2.5 }, "leverage"],
    [{ symbol: "BTCUSDT", action: "long", max_slippage_perc: 0 }, "max_slippage_perc"],
    [{ symbol: "BTCUSDT", action: "long", max_slippage_perc: "half" }, "max_slippage_perc"],
  ])("400 naming the field for %j", async (partial, field) => {
    const body = field === "passphrase" ? partial : { passphrase: strategy.passphrase, ...partial };
    const res = await fire(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { field: string; message: string } };
    expect(json.error.field).toBe(field);
    expect(json.error.message.startsWith(`${field}: `)).toBe(true);
    await expectNothingCreated();
  });

  it.each([
    [
      { action: "short", tp_perc: "100" },
      "tp_perc: must be below 100 on a short: its take-profit would trigger at a price of zero or less",
    ],
    [
      { action: "long", sl_perc: 100 },
      "sl_perc: must be below 100 on a long: its stop-loss would trigger at a price of zero or less",
    ],
    [{ action: "long", qty: "1e30" }, "qty: must be written without an exponent, such as 0.01"],
    [{ action: "long", qty: 1e-7 }, "qty: must be written without an exponent, such as 0.01"],
    [{ action: "long", price: "1".repeat(19) }, "price: must have at most 18 digits before the decimal point"],
    [{ action: "long", max_slippage_perc: 7.5 }, "max_slippage_perc: must be above 0 and at most 5"],
    [{ action: "long", max_slippage_perc: "-1" }, "max_slippage_perc: must be a number such as 0.5"],
  ])("says what is wrong with %j", async (partial, message) => {
    const res = await fire({ ...valid(), ...partial });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "BAD_REQUEST", message, field: message.split(":")[0] } });
    await expectNothingCreated();
  });

  it("keeps what the direction makes meaningful and what the column holds, digit for digit", async () => {
    const widest = `${"9".repeat(18)}.${"1".repeat(18)}`;
    for (const body of [
      { ...valid(), tp_perc: 150, sl_perc: 1 },
      { ...valid(), action: "short", tp_perc: 2, sl_perc: "150" },
      { ...valid(), action: "close", price: widest, qty: `0.${"0".repeat(17)}1`, leverage: "125" },
      { ...valid(), max_slippage_perc: "0.75" },
    ]) {
      const res = await fire(body);
      expect(res.status).toBe(202);
      const { signalId } = (await res.json()) as { signalId: string };
      const row = await testDb.db.prisma.signal.findUniqueOrThrow({ where: { id: signalId } });
      expect(row.price?.toFixed()).toBe(dec(body.price).toFixed());
      if ("qty" in body) expect(row.qty?.toFixed()).toBe(body.qty);
      if ("max_slippage_perc" in body) expect(row.maxSlippagePerc?.toFixed()).toBe(body.max_slippage_perc);
    }
  });

  it("400 for a body that is not JSON", async () => {
    const res = await h.request("POST", `/webhooks/tradingview/${strategy.slug}`, undefined, {
      auth: false,
      raw: "{nope",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { field: "body" } });
    await expectNothingCreated();
  });

  it("404 for an unknown strategy", async () => {
    const res = await fire(valid(), "no-such-strategy");
    expect(res.status).toBe(404);
    await expectNothingCreated();
  });

  it("413 for a body over 64 KiB, declared or streamed", async () => {
    const res = await fire({ ...valid(), padding: "x".repeat(70 * 1024) });
    expect(res.status).toBe(413);
    const body = JSON.stringify({ ...valid(), padding: "x".repeat(70 * 1024) });
    const declared = await h.app.request(`/webhooks/tradingview/${strategy.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(body.length) },
      body,
    });
    expect(declared.status).toBe(413);
    await expectNothingCreated();
  });

  it("accepts TradingView's text/plain JSON and answers 202 with the signal id", async () => {
    const res = await h.app.request(`/webhooks/tradingview/${strategy.slug}`, {
      method: "POST",
      headers: { "content-type": "text/plain; charset=utf-8" },
      body: JSON.stringify(valid()),
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ signalId: expect.any(String), duplicate: false });
  });

  it("the same id delivered again returns the same signal and fans out nothing more", async () => {
    const body = { ...valid(), id: "alert-42" };
    const first = (await (await fire(body)).json()) as { signalId: string };
    await h.queue.drain();
    const again = await Promise.all([fire(body), fire(body), fire({ ...body, price: 50001 })]);
    const ids = await Promise.all(again.map(async (r) => ((await r.json()) as { signalId: string }).signalId));
    expect(new Set(ids)).toEqual(new Set([first.signalId]));
    await h.queue.drain();
    expect(await testDb.db.prisma.execution.count({ where: { signalId: first.signalId } })).toBe(2);
    expect((await counts()).signals).toBe(before.signals + 1);
  });

  it("an identical body within the window is one signal, even when delivered concurrently", async () => {
    const body = { ...valid(), symbol: "ETHUSDT", price: 3000 };
    const responses = await Promise.all(Array.from({ length: 5 }, () => fire(body)));
    expect(responses.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { signalId: string }).signalId));
    expect(new Set(ids).size).toBe(1);
    await h.queue.drain();
    expect((await counts()).signals).toBe(before.signals + 1);
    expect((await counts()).executions).toBe(before.executions + 2);
  });
});
