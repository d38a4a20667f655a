const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
export const MIN_DURATION_MS = 10 * 60_000;
export const MAX_DURATION_MS = 30 * 86_400_000;

/** "30m", "12h", "3d" (what a chat user types for how long voting lasts) → ms; null when not that or out of range. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d{1,4})\s*([mhd])\s*$/i.exec(text);
  if (!m) return null;
  const ms = Number(m[1]) * UNIT_MS[(m[2] ?? "").toLowerCase() as keyof typeof UNIT_MS];
  return ms >= MIN_DURATION_MS && ms <= MAX_DURATION_MS ? ms : null;
}
