import type { BotDeps } from "../bots/telegram/bot-deps.ts";
import type { JobQueue } from "../core/platform/jobs.ts";
import { silentLogger } from "../core/platform/logger.ts";
import type { Harness } from "./harness.ts";

/** The Telegram bot's dependencies over a harness: its database, cipher, exchanges and queue; paper by default. */
export function telegramBotDeps(h: Harness, overrides: Partial<BotDeps> = {}): BotDeps & { queue: JobQueue } {
  return {
    db: h.deps.db,
    cipher: h.deps.cipher,
    exchanges: h.exchanges,
    keyPermissions: { canWithdraw: async () => false },
    clock: h.deps.clock,
    logger: silentLogger,
    linkableExchanges: ["paper"],
    totpIssuer: "Mimic test",
    queue: h.queue,
    ...overrides,
  };
}
