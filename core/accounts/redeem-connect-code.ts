import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import { hashConnectCode } from "./connect-code.ts";
import type { ChatIdentity } from "./ensure-chat-user.ts";
import { mergeUsers } from "./merge-users.ts";

const NAME = { telegram: "Telegram", discord: "Discord" } as const;

/**
 * Joins a chat identity to the user who issued the code on the other transport: one person, one Mimic user.
 * When the identity already had a user of its own (they used both bots before connecting), that user's
 * accounts, subscriptions and settings move to the code's user, unless both hold an authenticator.
 */
export async function redeemConnectCode(
  input: ChatIdentity & { code: string },
  deps: { db: DbClient; clock: Clock },
): Promise<{ userId: string /** Exchange accounts of this side moved to the code's user. */; merged: boolean }> {
  const { db } = deps;
  const now = deps.clock.now();
  const idField = input.transport === "telegram" ? "telegramId" : "discordId";
  const unknown = () =>
    new AppError(
      "BAD_REQUEST",
      "that code is unknown, used or expired; ask for a new one with /connect on the other app",
    );
  const codeHash = hashConnectCode(input.code);
  const code = await db.connectCode.findUnique({
    where: { codeHash },
    include: { user: { select: { id: true, telegramId: true, discordId: true } } },
  });
  if (!code || code.usedAt || code.expiresAt <= now) throw unknown();
  if (code.issuedOn === input.transport) {
    throw new AppError(
      "BAD_REQUEST",
      `this code was made in ${NAME[input.transport]}; enter it in ${NAME[input.transport === "telegram" ? "discord" : "telegram"]} with /connect`,
    );
  }
  const target = code.user;
  const current = target[idField];
  if (current === input.externalId) return { userId: target.id, merged: false };
  if (current) {
    throw new AppError(
      "CONFLICT",
      `that Mimic user is already connected to another ${NAME[input.transport]} account; nothing was changed`,
    );
  }
  const own = await db.user.findUnique({
    where: input.transport === "telegram" ? { telegramId: input.externalId } : { discordId: input.externalId },
    select: { id: true },
  });
  return db.$transaction(async (tx) => {
    // Used first: a second redemption racing this one finds it spent.
    const spent = await tx.connectCode.updateMany({ where: { codeHash, usedAt: null }, data: { usedAt: now } });
    if (spent.count !== 1) throw unknown();
    const moved = own ? (await mergeUsers({ from: own.id, into: target.id }, tx)).movedAccounts : 0;
    await tx.user.update({ where: { id: target.id }, data: { [idField]: input.externalId } });
    await tx.auditLog.create({
      data: {
        userId: target.id,
        actor: `user:${target.id}`,
        action: "identity.connected",
        details: { transport: input.transport, mergedUser: own?.id ?? null },
      },
    });
    return { userId: target.id, merged: moved > 0 };
  });
}
