import type { Api } from "grammy";
import { GrammyError } from "grammy";
import {
  claimAnnouncement,
  FAILED_POST,
  pendingAnnouncements,
  recordAnnouncement,
} from "../../core/community/governance/announcements.ts";
import { claimResult, pendingResults, recordResult } from "../../core/community/governance/results.ts";
import { proposalText, resultText } from "../shared/wording/governance-text.ts";
import { wording } from "../shared/wording/translator.ts";
import type { BotDeps } from "./bot-deps.ts";
import { voteKeyboard } from "./features/vote.ts";

// Telegram's answer for a chat the bot cannot post in (kicked, chat gone): retrying cannot help.
const forGood = (err: unknown) => err instanceof GrammyError && (err.error_code === 403 || err.error_code === 400);

/**
 * Posts what core's governance outboxes hold for Telegram's community chats: each open proposal with its
 * buttons, then each result under the announcement. A claim first (core), so any number of bot processes post
 * each once; a transient failure is left to the claim's lease and tried again. Group posts are in the default
 * language: a group has no one language.
 */
export async function postGovernance(deps: Pick<BotDeps, "db" | "clock" | "logger">, api: Api): Promise<void> {
  const t = wording().forLocale(undefined);
  for (const a of await pendingAnnouncements({ transport: "telegram" }, deps)) {
    const key = { proposalId: a.proposalId, transport: "telegram" as const, chatId: a.chatId };
    if (!(await claimAnnouncement(key, deps))) continue;
    try {
      const sent = await api.sendMessage(a.chatId, proposalText(a, t), {
        reply_markup: voteKeyboard({ id: a.proposalId, options: a.options }),
      });
      await recordAnnouncement({ ...key, messageId: String(sent.message_id) }, deps);
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message, ...key }, "proposal not posted");
      if (forGood(err)) await recordAnnouncement({ ...key, messageId: FAILED_POST }, deps);
    }
  }
  for (const r of await pendingResults({ transport: "telegram" }, deps)) {
    const key = { proposalId: r.proposalId, transport: "telegram" as const, chatId: r.chatId };
    if (!(await claimResult(key, deps))) continue;
    try {
      const sent = await api.sendMessage(r.chatId, resultText(r, t), {
        reply_parameters: { message_id: Number(r.messageId), allow_sending_without_reply: true },
      });
      await recordResult({ ...key, messageId: String(sent.message_id) }, deps);
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message, ...key }, "proposal result not posted");
      if (forGood(err)) await recordResult({ ...key, error: (err as Error).message }, deps);
    }
  }
}
