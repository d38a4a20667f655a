import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";

export const SESSION_COOKIE = "mimic_admin";
export const SESSION_TTL_MS = 12 * 3_600_000;

export interface AdminSession {
  id: string;
  issuedAt: number;
}

// Derived from the token, so that rotating ADMIN_TOKEN ends every session, and the token itself never signs.
const secretOf = (adminToken: string) => createHash("sha256").update(`mimic-admin-session|${adminToken}`).digest("hex");

/** Constant-time comparison of what was typed with the admin token. */
export function tokenMatches(given: string, adminToken: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(adminToken).digest();
  return timingSafeEqual(a, b);
}

export async function startSession(
  c: Context,
  opts: { adminToken: string; secure: boolean; now: Date },
): Promise<AdminSession> {
  const session = { id: randomBytes(8).toString("hex"), issuedAt: opts.now.getTime() };
  await setSignedCookie(c, SESSION_COOKIE, `${session.id}.${session.issuedAt}`, secretOf(opts.adminToken), {
    httpOnly: true,
    sameSite: "Strict",
    secure: opts.secure,
    path: "/admin",
    maxAge: SESSION_TTL_MS / 1000,
  });
  return session;
}

/** The signed-in session, or null: a bad signature or a cookie older than 12 h (whatever its Max-Age said). */
export async function readSession(c: Context, opts: { adminToken: string; now: Date }): Promise<AdminSession | null> {
  const value = await getSignedCookie(c, secretOf(opts.adminToken), SESSION_COOKIE);
  if (!value) return null;
  const match = /^([0-9a-f]{16})\.(\d{1,15})$/.exec(value);
  if (!match) return null;
  const issuedAt = Number(match[2]);
  const age = opts.now.getTime() - issuedAt;
  if (age < 0 || age > SESSION_TTL_MS) return null;
  return { id: match[1] as string, issuedAt };
}

export function endSession(c: Context, opts: { secure: boolean }): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/admin", secure: opts.secure, httpOnly: true, sameSite: "Strict" });
}
