import { describe, expect, it } from "vitest";
import { createEvenPacer } from "./even-pacer.ts";

describe("createEvenPacer", () => {
  it("keeps any window to the rate plus the burst, also after a stall, and catches up only by the burst", async () => {
    const pace = createEvenPacer(100, 2);
    const at: number[] = [];
    const calls = Array.from({ length: 40 }, () => pace().then(() => at.push(performance.now())));
    // A busy event loop for 50 ms: the calls waiting on timers must not go all at once afterwards.
    const until = performance.now() + 50;
    while (performance.now() < until) {}
    await Promise.all(calls);
    const inAnyWindow = Math.max(...at.map((t) => at.filter((u) => u >= t && u < t + 100).length));
    expect(inAnyWindow).toBeLessThanOrEqual(12);
    // 40 calls at 100/s take about 0.4 s.
    expect((at[39] ?? 0) - (at[0] ?? 0)).toBeGreaterThan(350);
  });
});
