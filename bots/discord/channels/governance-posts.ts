import { createHash } from "node:crypto";
import { type APIMessage, type Client, DiscordAPIError, Routes } from "discord.js";
import {
  claimAnnouncement,
  FAILED_POST,
  pendingAnnouncements,
  recordAnnouncement,
} from "../../../core/community/governance/announcements.ts";
import { claimResult, pendingResults, recordResult } from "../../../core/community/governance/results.ts";
import { proposalText, resultText } from "../../shared/wording/governance-text.ts";
import { voteRows } from "../commands/vote.ts";
import type { DiscordDeps } from "../discord-deps.ts";
import type { MessageListener } from "../kit/command-module.ts";
import { renderMessage } from "../kit/render-view.ts";

/** How often the governance outboxes are read: a proposal or a result waits at most this long. */
export const GOVERNANCE_TICK_MS = 2_000;

/** What the loop sends through; REST in the bot, a recorder in tests. Resolves to the message id. */
export type ChannelSender = (channelId: string, body: Record<string, unknown>) => Promise<string>;

// A nonce per post, so a retry after a lost answer (or a claim taken over after a crash) posts nothing twice.
const nonce = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 25);
// A 4xx will not change by asking again (the channel is gone, the bot may not write there).
const forGood = (err: unknown) => err instanceof DiscordAPIError && err.status < 500;

/**
 * One pass over core's governance outboxes for Discord: each open proposal posted in every governance channel
 * with its buttons (the "vote" command's, so a press anywhere is one vote), then each result as a reply to its
 * announcement. Claims in core make every post once across bot processes.
 */
export async function postGovernanceOnce(
  deps: Pick<DiscordDeps, "db" | "clock" | "logger" | "translator">,
  send: ChannelSender,
  locale?: (guildId: string | null) => string | undefined,
): Promise<void> {
  for (const a of await pendingAnnouncements({ transport: "discord" }, deps)) {
    const key = { proposalId: a.proposalId, transport: "discord" as const, chatId: a.chatId };
    if (!(await claimAnnouncement(key, deps))) continue;
    const t = deps.translator.forLocale(locale?.(a.guildId));
    const view = renderMessage({
      embeds: [{ description: proposalText(a, t), tone: "info" }],
      rows: voteRows({ id: a.proposalId, options: a.options }),
    });
    try {
      const messageId = await send(a.chatId, {
        embeds: view.embeds,
        components: view.components,
        allowed_mentions: { parse: [] },
        nonce: nonce(`p:${a.proposalId}:${a.chatId}`),
        enforce_nonce: true,
      });
      await recordAnnouncement({ ...key, messageId }, deps);
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message, ...key }, "proposal not posted");
      if (forGood(err)) await recordAnnouncement({ ...key, messageId: FAILED_POST }, deps);
    }
  }
  for (const r of await pendingResults({ transport: "discord" }, deps)) {
    const key = { proposalId: r.proposalId, transport: "discord" as const, chatId: r.chatId };
    if (!(await claimResult(key, deps))) continue;
    const t = deps.translator.forLocale(undefined);
    try {
      const messageId = await send(r.chatId, {
        embeds: renderMessage({ embeds: [{ description: resultText(r, t), tone: "success" }] }).embeds,
        message_reference: { message_id: r.messageId, fail_if_not_exists: false },
        allowed_mentions: { parse: [] },
        nonce: nonce(`r:${r.proposalId}:${r.chatId}`),
        enforce_nonce: true,
      });
      await recordResult({ ...key, messageId }, deps);
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message, ...key }, "proposal result not posted");
      if (forGood(err)) await recordResult({ ...key, error: (err as Error).message }, deps);
    }
  }
}

/** Posts through REST (no channel cache needed). */
export function restChannelSender(client: Client<true>): ChannelSender {
  return async (channelId, body) =>
    ((await client.rest.post(Routes.channelMessages(channelId), { body })) as APIMessage).id;
}

/** Runs the pass every `tickMs` while the bot runs, the next one timed from the end of the last. */
export function createGovernanceListener(opts: { tickMs?: number } = {}): MessageListener {
  return {
    name: "governance",
    start({ client, deps }) {
      const tickMs = opts.tickMs ?? GOVERNANCE_TICK_MS;
      const send = restChannelSender(client);
      const locale = (guildId: string | null) =>
        guildId ? client.guilds.cache.get(guildId)?.preferredLocale : undefined;
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      let running: Promise<void> = Promise.resolve();
      const schedule = () => {
        if (stopped) return;
        timer = setTimeout(() => {
          running = postGovernanceOnce(deps, send, locale)
            .catch((err: Error) => deps.logger.warn({ err: err.message }, "governance outbox not read"))
            .finally(schedule);
        }, tickMs);
        timer.unref();
      };
      schedule();
      return {
        async stop() {
          stopped = true;
          clearTimeout(timer);
          await running;
        },
      };
    },
  };
}

export const governanceListener = createGovernanceListener();
