import { describe, expect, it } from "vitest";
import { ELITE_LEVEL, LEVELS, levelFor, levelName, levelProgress, xpToNextLevel } from "./levels.ts";

describe("levels", () => {
  it("are Bronze to Elite, Elite at index 4, thresholds rising from 0", () => {
    expect(LEVELS.map((l) => l.name)).toEqual(["Bronze", "Silver", "Gold", "Platinum", "Elite"]);
    expect(LEVELS[ELITE_LEVEL]?.name).toBe("Elite");
    expect(LEVELS[0]?.xp).toBe(0);
    for (let i = 1; i < LEVELS.length; i++) expect(LEVELS[i]!.xp).toBeGreaterThan(LEVELS[i - 1]!.xp);
  });

  it("are reached exactly at their thresholds", () => {
    expect(levelFor(0)).toBe(0);
    for (const [i, l] of LEVELS.entries()) {
      if (i === 0) continue;
      expect(levelFor(l.xp - 1)).toBe(i - 1);
      expect(levelFor(l.xp)).toBe(i);
    }
    expect(levelFor(10_000_000)).toBe(ELITE_LEVEL);
  });

  it("say what the next level needs, and nothing at the top", () => {
    expect(levelProgress(0)).toEqual({ level: 0, next: { level: 1, xpNeeded: 500 } });
    expect(levelProgress(499)).toEqual({ level: 0, next: { level: 1, xpNeeded: 1 } });
    expect(levelProgress(500)).toEqual({ level: 1, next: { level: 2, xpNeeded: 2_000 } });
    expect(xpToNextLevel(24_999)).toBe(1);
    expect(levelProgress(25_000)).toEqual({ level: ELITE_LEVEL, next: null });
    expect(xpToNextLevel(30_000)).toBe(0);
  });

  it("name a level index, a stale one clamped into the table", () => {
    expect(levelName(2)).toBe("Gold");
    expect(levelName(ELITE_LEVEL)).toBe("Elite");
    expect(levelName(9)).toBe("Elite");
    expect(levelName(-1)).toBe("Bronze");
  });
});
