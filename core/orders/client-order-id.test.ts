import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clientOrderIdFor, MAX_LEG_NUMBER, siblingOrderId } from "./client-order-id.ts";

describe("clientOrderIdFor", () => {
  it("is deterministic, distinct per leg and inside Binance's charset and length", () => {
    const signal = randomUUID();
    const sub = randomUUID();
    const ids = (["entry", "take_profit", "stop_loss", "close"] as const).map((leg) =>
      clientOrderIdFor(signal, sub, leg),
    );
    expect(new Set(ids).size).toBe(4);
    expect(clientOrderIdFor(signal, sub, "entry")).toBe(ids[0]);
    for (const id of ids) expect(id).toMatch(/^[.A-Z:/a-z0-9_-]{1,36}$/);
  });

  it("differs across subscriptions and signals", () => {
    const signal = randomUUID();
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(clientOrderIdFor(signal, randomUUID(), "entry"));
    expect(seen.size).toBe(10_000);
  });

  it("numbers targets as people count them and stop revisions from 1; the first of each keeps its old id", () => {
    const signal = randomUUID();
    const sub = randomUUID();
    const base = clientOrderIdFor(signal, sub, "entry").slice(0, -2);
    expect([0, 1, 2].map((n) => clientOrderIdFor(signal, sub, "take_profit", n))).toEqual([
      `${base}-tp`,
      `${base}-tp2`,
      `${base}-tp3`,
    ]);
    expect([0, 1, 2].map((n) => clientOrderIdFor(signal, sub, "stop_loss", n))).toEqual([
      `${base}-sl`,
      `${base}-sl1`,
      `${base}-sl2`,
    ]);
    const longest = clientOrderIdFor(signal, sub, "stop_loss", MAX_LEG_NUMBER);
    expect(longest).toMatch(/^[.A-Z:/a-z0-9_-]{36}$/);
    expect(() => clientOrderIdFor(signal, sub, "stop_loss", MAX_LEG_NUMBER + 1)).toThrow(/out of range/);
  });

  it("names a sibling leg from any id of the execution", () => {
    const signal = randomUUID();
    const sub = randomUUID();
    const entry = clientOrderIdFor(signal, sub, "entry");
    expect(siblingOrderId(entry, "stop_loss", 4)).toBe(clientOrderIdFor(signal, sub, "stop_loss", 4));
    expect(siblingOrderId(clientOrderIdFor(signal, sub, "stop_loss", 4), "exit", 5)).toBe(
      clientOrderIdFor(signal, sub, "exit", 5),
    );
  });
});
