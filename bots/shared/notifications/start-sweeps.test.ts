import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../core/platform/logger.ts";
import { startSweeps } from "./start-sweeps.ts";

describe("startSweeps", () => {
  it("runs each task on its own interval, keeps going after one fails, and stops after the running tick", async () => {
    let now = 0;
    const ran: string[] = [];
    const sweeps = startSweeps({
      tickMs: 5,
      clock: { now: () => new Date(now) },
      logger: silentLogger,
      tasks: [
        {
          name: "failing",
          run: async () => {
            ran.push("failing");
            throw new Error("database down");
          },
        },
        { name: "every tick", run: async () => ran.push("tick") },
        { name: "hourly", minIntervalMs: 3_600_000, run: async () => ran.push("hourly") },
      ],
    });
    for (let i = 0; i < 3; i++) {
      const before = ran.filter((r) => r === "tick").length;
      while (ran.filter((r) => r === "tick").length === before) await new Promise((r) => setTimeout(r, 2));
      now += 60_000;
    }
    await sweeps.stop();
    const ticks = ran.filter((r) => r === "tick").length;
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(ran.filter((r) => r === "failing").length).toBe(ticks);
    expect(ran.filter((r) => r === "hourly")).toEqual(["hourly"]);
    await new Promise((r) => setTimeout(r, 20));
    expect(ran.filter((r) => r === "tick").length).toBe(ticks);
  });
});
