import type { BybitAccount, FakeBybitState } from "./bybit-state.ts";

export type BybitParams = Record<string, unknown>;
export type Handler = (state: FakeBybitState, account: BybitAccount | undefined, p: BybitParams) => unknown;
export type RouteTable = Record<string, { signed: boolean; handle: Handler }>;

export const str = (v: unknown): string | undefined =>
  typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;

/** Signed routes always get the account; this narrows it for handlers. */
export function signed(handle: (state: FakeBybitState, a: BybitAccount, p: BybitParams) => unknown) {
  return { signed: true, handle: (s: FakeBybitState, a: BybitAccount | undefined, p: BybitParams) => handle(s, a!, p) };
}
