import type { StorageAdapter } from "grammy";
import type { DbClient } from "../../../core/platform/db-client.ts";
import type { SessionData } from "./session-data.ts";

/** grammY session storage on the BotSession table. */
export function prismaSessionStorage(db: DbClient): StorageAdapter<SessionData> {
  return {
    async read(key) {
      const row = await db.botSession.findUnique({ where: { key } });
      return (row?.value as SessionData | undefined) ?? undefined;
    },
    async write(key, value) {
      const json = JSON.parse(JSON.stringify(value));
      await db.botSession.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
    },
    async delete(key) {
      await db.botSession.deleteMany({ where: { key } });
    },
  };
}
