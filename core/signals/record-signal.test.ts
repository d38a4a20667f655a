import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { createStrategy } from "../strategies/create-strategy.ts";
import { recordSignal } from "./record-signal.ts";
import type { SignalInput } from "./signal-input.ts";

// Both ways of running the one statement: on the pg pool (the API's) and through Prisma (everything else).
describe.each([
  ["on the pg pool", true],
  ["through Prisma", false],
])("recordSignal %s", (_label, onPool) => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let strategyId: string;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    const s = await createStrategy({ name: "Record signal" }, { db: testDb.db.prisma });
    strategyId = (await testDb.db.prisma.strategy.findUniqueOrThrow({ where: { slug: s.slug } })).id;
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  const deps = () => ({ db: testDb.db.prisma, ...(onPool && { sql: testDb.db.sql }) });
  const body = (extra: Partial<SignalInput>): SignalInput => ({ rawSymbol: "BTCUSDT", action: "long", ...extra });
  const input = (b: SignalInput, dedupeKey: string, now: Date) => ({
    strategyId,
    dedupeKey,
    bodyHash: `hash-${dedupeKey.replace(/:\d+$/, "")}`,
    symbol: "BTC/USDT:USDT",
    signal: b,
    now,
    since: new Date(now.getTime() - 30_000),
  });

  it("stores every field, the time as UTC, and reads a redelivery as the same signal", async () => {
    const now = new Date("2026-11-21T21:15:42.123Z");
    const sentAt = new Date("2026-11-21T21:15:40.5Z");
    const b = body({
      id: "r-1",
      riskPerc: "1.5",
      leverage: 10,
      tpPerc: "3",
      slPerc: "2",
      price: "64000.5",
      qty: "0.01",
      tpPrice: "66000",
      slPrice: "63000.25",
      maxSlippagePerc: "0.8",
      sentAt,
    });
    const first = await recordSignal(deps(), input(b, "id:r-1", now));
    expect(first).toMatchObject({ status: "received", duplicate: false });
    const row = await testDb.db.prisma.signal.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ action: "long", rawSymbol: "BTCUSDT", symbol: "BTC/USDT:USDT", leverage: 10 });
    expect(row.receivedAt.toISOString()).toBe(now.toISOString());
    expect(row.sentAt?.toISOString()).toBe(sentAt.toISOString());
    const { riskPerc, tpPerc, slPerc, price, qty, tpPrice, slPrice, maxSlippagePerc } = row;
    const decimals = [riskPerc, tpPerc, slPerc, price, qty, tpPrice, slPrice, maxSlippagePerc];
    expect(decimals.map(String)).toEqual(["1.5", "3", "2", "64000.5", "0.01", "66000", "63000.25", "0.8"]);
    const again = await recordSignal(deps(), input(b, "id:r-1", new Date(now.getTime() + 5_000)));
    expect(again).toEqual({ id: first.id, status: "received", duplicate: true });
  });

  it("without an id, an identical body in the next time bucket is still the same signal", async () => {
    const now = new Date();
    const b = body({});
    const first = await recordSignal(deps(), input(b, "body:x:1", now));
    const later = await recordSignal(deps(), input(b, "body:x:2", new Date(now.getTime() + 1_000)));
    expect(later).toEqual({ id: first.id, status: "received", duplicate: true });
  });
});
