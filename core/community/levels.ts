// The one table of levels. User.level stores an index into it, so the order is a contract: append new levels at
// the end, never reorder or remove one (governance reads Elite by index, and old rows keep their index).

export interface Level {
  /** English name; the bots show the localised one (wording key community-level, by index). */
  name: string;
  /** XP from which this level is reached. */
  xp: number;
}

export const LEVELS: readonly Level[] = [
  { name: "Bronze", xp: 0 },
  { name: "Silver", xp: 500 },
  { name: "Gold", xp: 2_500 },
  { name: "Platinum", xp: 10_000 },
  // About a year of daily copying: voting rights (governance) should follow a track record, not a burst.
  { name: "Elite", xp: 25_000 },
];

/** The index of Elite: governance lets users at or above it vote. */
export const ELITE_LEVEL = 4;

/** The English name of a level index (clamped into the table, so a stale index still names something). */
export function levelName(level: number): string {
  const i = Math.max(0, Math.min(LEVELS.length - 1, Math.trunc(level)));
  return (LEVELS[i] as Level).name;
}

/** The level an XP total reaches. */
export function levelFor(xp: number): number {
  let level = 0;
  for (let i = 1; i < LEVELS.length; i++) if (xp >= (LEVELS[i] as Level).xp) level = i;
  return level;
}

/** Where an XP total stands: its level, and the next level with the XP still needed (null at the top). */
export function levelProgress(xp: number): { level: number; next: { level: number; xpNeeded: number } | null } {
  const level = levelFor(xp);
  const next = LEVELS[level + 1];
  return { level, next: next ? { level: level + 1, xpNeeded: next.xp - xp } : null };
}

/** XP still needed to reach the next level; 0 at the top. */
export const xpToNextLevel = (xp: number): number => levelProgress(xp).next?.xpNeeded ?? 0;
