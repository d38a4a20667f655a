import { describe, expect, it } from "vitest";
import { AppError } from "../platform/errors.ts";
import { RateLimitGate } from "./rate-limit-gate.ts";

function refusal(gate: RateLimitGate, apiKey: string): AppError | undefined {
  try {
    gate.check(apiKey, "createOrder");
    return undefined;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
}

describe("RateLimitGate", () => {
  it("refuses a blocked key with the time left until the window has passed, and only that key", () => {
    let now = 1_000_000;
    const gate = new RateLimitGate("binanceusdm", () => now);
    gate.block("key-a", 2000);
    now += 500;
    const err = refusal(gate, "key-a");
    expect(err).toMatchObject({ code: "RATE_LIMITED", retryAfterMs: 1500, retryable: true });
    expect(err?.details).toMatchObject({ gated: true, retryAt: 1_002_000, operation: "createOrder" });
    expect(err?.message).not.toContain("key-a");
    expect(refusal(gate, "key-b")).toBeUndefined();
    now += 1499;
    expect(refusal(gate, "key-a")?.retryAfterMs).toBe(1);
    now += 1;
    expect(refusal(gate, "key-a")).toBeUndefined();
  });

  it("never shortens a known window, but extends it", () => {
    let now = 0;
    const gate = new RateLimitGate("x", () => now);
    gate.block("k", 10_000);
    gate.block("k", 1000);
    expect(refusal(gate, "k")?.retryAfterMs).toBe(10_000);
    gate.block("k", 20_000);
    now = 15_000;
    expect(refusal(gate, "k")?.retryAfterMs).toBe(5000);
  });

  it("ignores a zero or negative Retry-After", () => {
    const gate = new RateLimitGate("x", () => 0);
    gate.block("k", 0);
    gate.block("k", -5);
    expect(refusal(gate, "k")).toBeUndefined();
  });
});
