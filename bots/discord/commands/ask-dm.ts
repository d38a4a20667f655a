import type { Message } from "discord.js";
import { ensureChatUser } from "../../../core/accounts/ensure-chat-user.ts";
import { assertUserEnabled } from "../../../core/accounts/user-disabled.ts";
import { toAppError } from "../../../core/platform/errors.ts";
import { answerQuestion } from "../../../core/support/answer-question.ts";
import { replyAsFollower } from "../../../core/support/tickets/reply-as-follower.ts";
import { errorText } from "../../shared/wording/error-text.ts";
import { followerReplyText } from "../../shared/wording/support-text.ts";
import type { DiscordDeps } from "../discord-deps.ts";
import type { MessageListener } from "../kit/command-module.ts";
import { renderMessage } from "../kit/render-view.ts";
import type { View } from "../kit/view.ts";
import { supportView } from "./ask.ts";

/** A DM to the bot, as the handler needs it: who wrote what, and how to answer in that DM. */
export interface SupportDm {
  discordUserId: string;
  displayName: string;
  content: string;
  send(view: View): Promise<void>;
  typing(): Promise<void>;
}

/**
 * A DM to the bot is a support question (Discord has no flows to answer), or, while the follower has an open
 * ticket, their answer to the person helping them (core's replyAsFollower decides). Errors are answered in the
 * DM in the follower's language, never thrown at the gateway.
 */
export async function handleSupportDm(dm: SupportDm, deps: DiscordDeps): Promise<void> {
  const support = deps.support;
  const content = dm.content.trim();
  if (!support || !content) return;
  const user = await ensureChatUser(
    { transport: "discord", externalId: dm.discordUserId, displayName: dm.displayName },
    { db: deps.db },
  );
  // A DM carries no client locale: the one kept from the follower's last command.
  const { locale } = await deps.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { locale: true } });
  const t = deps.translator.forLocale(locale ?? undefined);
  const log = deps.logger.child({ userId: user.id, dm: true });
  try {
    assertUserEnabled(user);
    const added = await replyAsFollower(
      { userId: user.id, text: content, transport: "discord" },
      { db: support.db, clock: support.clock },
    );
    if (added) {
      log.info({ ticketId: added.ticketId }, "support: follower replied on a ticket");
      return void (await dm.send({ text: followerReplyText(added, "/ask", t) }));
    }
    await dm.typing().catch(() => undefined);
    const reply = await answerQuestion({ userId: user.id, question: content, transport: "discord", locale }, support);
    log.info({ kind: reply.kind, answerId: reply.answerId, ticketId: reply.ticketId }, "support: answered");
    await dm.send(supportView(reply, t));
  } catch (err) {
    const e = toAppError(err);
    if (e.code === "INTERNAL") log.error({ err: e.message }, "support DM failed");
    await dm.send({ text: errorText(e, t) });
  }
}

/** DMs on the gateway (the DirectMessages intent): every message a person sends the bot there. */
export const supportDmListener: MessageListener = {
  name: "support-dm",
  async messageCreate(message, ctx) {
    if (message.guildId || message.author.bot || message.author.id === ctx.client.user.id) return;
    await handleSupportDm(dmOf(message), ctx.deps);
  },
};

function dmOf(message: Message): SupportDm {
  return {
    discordUserId: message.author.id,
    displayName: message.author.globalName ?? message.author.username,
    content: message.content,
    send: async (view) => {
      await message.reply({ ...renderMessage(view), allowedMentions: { parse: [], repliedUser: false } });
    },
    typing: async () => {
      if (message.channel.isSendable()) await message.channel.sendTyping();
    },
  };
}
