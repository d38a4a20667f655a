import { describe, expect, it } from "vitest";
import { parseDuration } from "./proposal-duration.ts";

describe("a proposal's duration as typed in chat", () => {
  it("reads minutes, hours and days within 10 minutes to 30 days", () => {
    expect(parseDuration("30m")).toBe(1_800_000);
    expect(parseDuration(" 12H ")).toBe(43_200_000);
    expect(parseDuration("3d")).toBe(259_200_000);
    for (const bad of ["", "5m", "31d", "3 weeks", "-1d", "1.5d"]) expect(parseDuration(bad)).toBeNull();
  });
});
