import type { Clock } from "../../core/platform/clock.ts";

/**
 * Login attempts per client address in a fixed one-minute window. In memory: each API process counts its own,
 * which bounds guessing per process at 10 a minute (a token of 24 random bytes makes that hopeless anyway).
 */
export function createLoginLimiter(opts: { clock: Clock; perMinute?: number; maxKeys?: number }) {
  const perMinute = opts.perMinute ?? 10;
  const maxKeys = opts.maxKeys ?? 10_000;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts an attempt; false when the address is over its limit for this minute. */
    take(key: string): boolean {
      const now = opts.clock.now().getTime();
      let w = windows.get(key);
      if (!w || now - w.start >= 60_000) {
        // A flood of addresses must not grow the map without end: old windows go first.
        if (windows.size >= maxKeys) {
          for (const [k, v] of windows) if (now - v.start >= 60_000) windows.delete(k);
          if (windows.size >= maxKeys) windows.clear();
        }
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count <= perMinute;
    },
  };
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
