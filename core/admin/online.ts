/** A contact that succeeded this long after (or before) the cycle's try still counts as that cycle answering. */
export const CONTACT_WINDOW_MS = 60_000;
/** A try older than this is not "a cycle that tried it": the account is not being looked at any more. */
export const RECENT_TRY_MS = 10 * 60_000;
/** Workers write a heartbeat every 20 s; one seen within this is online. */
export const WORKER_ONLINE_MS = 60_000;

/**
 * An account is online when its last exchange contact succeeded within 60 s of a cycle that tried it, and that
 * try is recent. A failing venue (tried, not answering) and an account nobody looks at are both offline.
 */
export function accountOnline(a: { lastContactAt: Date | null; lastContactTriedAt: Date | null }, now: Date): boolean {
  if (!a.lastContactAt || !a.lastContactTriedAt) return false;
  if (now.getTime() - a.lastContactTriedAt.getTime() > RECENT_TRY_MS) return false;
  return Math.abs(a.lastContactTriedAt.getTime() - a.lastContactAt.getTime()) <= CONTACT_WINDOW_MS;
}

export type ChatReach = "reachable" | "unreachable" | null;

/** A chat is reachable when linked and not marked unreachable (blocked bot, closed DMs). */
export function chatReach(id: string | null, unreachableAt: Date | null): ChatReach {
  if (!id) return null;
  return unreachableAt ? "unreachable" : "reachable";
}
