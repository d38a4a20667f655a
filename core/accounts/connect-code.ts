import { createHash, randomInt } from "node:crypto";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { ChatTransport } from "./ensure-chat-user.ts";

export const CONNECT_CODE_TTL_MS = 10 * 60_000;
// No 0/O or 1/I/L: the code is read on one screen and typed on another.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const LENGTH = 8;

export const hashConnectCode = (code: string) => createHash("sha256").update(normalizeConnectCode(code)).digest("hex");

/** "abcd-2345", " ABCD 2345 " and "ABCD2345" are the same code. */
export const normalizeConnectCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, "");

/**
 * A one-time code that joins the user's identity on the other transport to this user. Only its hash is stored;
 * issuing a new one voids the user's earlier unused codes.
 */
export async function issueConnectCode(
  input: { userId: string; transport: ChatTransport },
  deps: { db: DbClient; clock: Clock },
): Promise<{ code: string; expiresAt: Date }> {
  const now = deps.clock.now();
  const raw = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
  const expiresAt = new Date(now.getTime() + CONNECT_CODE_TTL_MS);
  await deps.db.$transaction([
    deps.db.connectCode.deleteMany({ where: { userId: input.userId, usedAt: null } }),
    deps.db.connectCode.create({
      data: { codeHash: hashConnectCode(code), userId: input.userId, issuedOn: input.transport, expiresAt },
    }),
  ]);
  return { code, expiresAt };
}
