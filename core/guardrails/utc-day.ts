// The guardrails' day is the UTC calendar day: it starts at 00:00 UTC for every follower, wherever they are.

const DAY_MS = 86_400_000;

/** "2026-12-06" */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** 00:00 UTC of the day `at` falls in. */
export const utcDayStart = (at: Date): Date => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/** The next 00:00 UTC after `at`: when a halt set at `at` ends. */
export const nextUtcMidnight = (at: Date): Date => new Date(utcDayStart(at).getTime() + DAY_MS);
