import { describe, expect, it } from "vitest";
import { planEntryRefusal } from "./plan-grace.ts";

describe("planEntryRefusal", () => {
  const until = new Date("2026-12-10T00:00:00Z");
  const at = (iso: string) => new Date(iso);

  it("never refuses a free strategy", () => {
    expect(planEntryRefusal({ premium: false, entriesUntil: null }, at("2030-01-01T00:00:00Z"))).toBeNull();
  });

  it("lets entries through up to the end of the grace period, not at it", () => {
    const plan = { premium: true, entriesUntil: until };
    expect(planEntryRefusal(plan, at("2026-12-09T23:59:59.999Z"))).toBeNull();
    expect(planEntryRefusal(plan, until)).toBe("plan expired");
    expect(planEntryRefusal(plan, at("2026-12-11T00:00:00Z"))).toBe("plan expired");
  });

  it("refuses a premium strategy the user's plan does not cover", () => {
    expect(planEntryRefusal({ premium: true, entriesUntil: null }, until)).toBe("plan expired");
  });
});
