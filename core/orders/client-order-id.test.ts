import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clientOrderIdFor } from "./client-order-id.ts";

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
});
