import { BybitError } from "./bybit-state.ts";

// The rules Bybit's history endpoints share: a time window of at most 7 days (the last 7 days when none is
// given), newest first, pages of `limit` with an opaque nextPageCursor ("" on the last page).

const WEEK = 7 * 24 * 3600 * 1000;

export type Query = Record<string, unknown>;

const intOf = (v: unknown): number | undefined => (v === undefined || v === "" ? undefined : Number(v));

export function timeWindow(p: Query): { start: number; end: number } {
  const start = intOf(p.startTime);
  const end = intOf(p.endTime);
  if (start !== undefined && end !== undefined) {
    if (end - start > WEEK) throw new BybitError(10001, "params error: the time range must not exceed 7 days");
    if (end < start) throw new BybitError(10001, "params error: startTime must not be after endTime");
    return { start, end };
  }
  if (start !== undefined) return { start, end: start + WEEK };
  if (end !== undefined) return { start: end - WEEK, end };
  const now = Date.now();
  return { start: now - WEEK, end: now };
}

export function page<T>(
  items: readonly T[],
  p: Query,
  limits: { fallback: number; max: number },
): { list: T[]; nextPageCursor: string } {
  const limit = intOf(p.limit) ?? limits.fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > limits.max) {
    throw new BybitError(10001, `params error: limit must be between 1 and ${limits.max}`);
  }
  const from = p.cursor ? decodeCursor(String(p.cursor)) : 0;
  const list = items.slice(from, from + limit);
  const more = from + limit < items.length;
  return { list, nextPageCursor: more ? encodeCursor(from + limit) : "" };
}

// Looks like Bybit's ("page_args%3D...") and is useless to guess, so clients must pass back what they got.
const encodeCursor = (offset: number) =>
  encodeURIComponent(`page_args=${Buffer.from(String(offset)).toString("base64")}`);

function decodeCursor(cursor: string): number {
  const m = /^page_args=(.+)$/.exec(decodeURIComponent(cursor));
  const offset = m ? Number(Buffer.from(m[1] ?? "", "base64").toString()) : Number.NaN;
  if (!Number.isInteger(offset) || offset < 0) throw new BybitError(10001, "params error: cursor invalid");
  return offset;
}
