import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import { isUniqueViolation } from "../platform/prisma-errors.ts";

export async function createUser(
  input: { displayName?: string; telegramId?: string; discordId?: string },
  deps: { db: DbClient },
): Promise<{ id: string }> {
  try {
    return await deps.db.user.create({ data: input, select: { id: true } });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "a user with this Telegram or Discord id exists");
    throw err;
  }
}
