import { Composer, InlineKeyboard } from "grammy";
import { escalateAnswer, markHelpful } from "../../../core/support/answer-feedback.ts";
import { answerQuestion } from "../../../core/support/answer-question.ts";
import type { SupportReply } from "../../../core/support/support-types.ts";
import { listOwnTickets } from "../../../core/support/tickets/list-tickets.ts";
import { replyAsFollower } from "../../../core/support/tickets/reply-as-follower.ts";
import {
  escalatedText,
  followerReplyText,
  isWebLink,
  ownTicketsText,
  type SupportMarkup,
  sourceLabel,
  supportButtons,
  supportReplyText,
} from "../../shared/wording/support-text.ts";
import type { BotContext } from "../bot-context.ts";
import { errorReply } from "../reply-error.ts";

const ANSWER_ID = "([0-9a-f-]{36})";
// Telegram refuses a message over 4096 characters; markup counts only once parsed, so keep a margin.
const MAX_TEXT = 4000;
// Telegram shows "typing…" for 5 s per chat action.
const TYPING_EVERY_MS = 4_500;

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Sources as links labelled with their heading, when the docs are on the web (SUPPORT_DOCS_URL). */
const html: SupportMarkup = {
  text: escapeHtml,
  link: (s) =>
    isWebLink(s.link)
      ? `<a href="${escapeHtml(s.link).replace(/"/g, "&quot;")}">${escapeHtml(sourceLabel(s))}</a>`
      : escapeHtml(s.link),
};

/**
 * Support in Telegram (core/support): `/support <question>`; any other text in the DM when no flow is open (a
 * flow's answers stay the flow's); `/ticket` lists the open tickets. While a ticket is open, DM text goes into it
 * (core's replyAsFollower decides): that is how the follower answers the person helping them. Installed after
 * every feature that reads a flow's answer.
 */
export function supportFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.command("support", async (ctx) => {
    const question = ctx.match.trim();
    if (!question) return void (await ctx.reply(ctx.t("support-usage")));
    await ask(ctx, question);
  });

  dm.command("ticket", async (ctx) => {
    await ctx.reply(ownTicketsText(await listOwnTickets({ userId: ctx.userId }, ctx.deps), ctx.t));
  });

  dm.on("message:text", async (ctx, next) => {
    const support = ctx.deps.support;
    if (ctx.session.flow || ctx.msg.text.startsWith("/") || !support) return next();
    const added = await replyAsFollower(
      { userId: ctx.userId, text: ctx.msg.text, transport: "telegram" },
      { db: support.db, clock: support.clock },
    );
    if (added) {
      ctx.log.info({ ticketId: added.ticketId }, "support: follower replied on a ticket");
      return void (await ctx.reply(followerReplyText(added, "/support", ctx.t)));
    }
    await ask(ctx, ctx.msg.text);
  });

  dm.callbackQuery(new RegExp(`^sup:helpful:${ANSWER_ID}$`), async (ctx) => {
    // Answered on the button itself: a stale or forwarded button must not end a flow the follower has open.
    const text = await markHelpful({ answerId: ctx.match[1] ?? "", userId: ctx.userId }, ctx.deps).then(
      () => ctx.t("support-helpful-thanks"),
      (err: unknown) => errorReply(err, ctx.t),
    );
    await ctx.answerCallbackQuery({ text });
  });

  dm.callbackQuery(new RegExp(`^sup:human:${ANSWER_ID}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const support = ctx.deps.support;
    if (!support) return void (await ctx.reply(ctx.t("support-off")));
    const ticket = await escalateAnswer(
      { answerId: ctx.match[1] ?? "", userId: ctx.userId, transport: "telegram" },
      support,
    );
    ctx.log.info({ ticketId: ticket.ticketId, created: ticket.created }, "support: follower asked for a human");
    await ctx.reply(escalatedText(ticket, ctx.t));
  });
  return composer;
}

async function ask(ctx: BotContext, question: string): Promise<void> {
  const support = ctx.deps.support;
  if (!support) return void (await ctx.reply(ctx.t("support-off")));
  const stopTyping = keepTyping(ctx);
  let reply: SupportReply;
  try {
    reply = await answerQuestion(
      { userId: ctx.userId, question, transport: "telegram", locale: ctx.from?.language_code },
      support,
    );
  } finally {
    stopTyping();
  }
  ctx.log.info({ kind: reply.kind, answerId: reply.answerId, ticketId: reply.ticketId }, "support: answered");
  const keyboard = new InlineKeyboard();
  for (const b of supportButtons(reply, ctx.t)) keyboard.text(b.label, `sup:${b.action}:${reply.answerId}`);
  const markup = keyboard.inline_keyboard.flat().length ? { reply_markup: keyboard } : {};
  const text = supportReplyText(reply, ctx.t, html);
  if (text.length <= MAX_TEXT) {
    await ctx.reply(text, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...markup });
  } else {
    // A long answer goes out plain and cut rather than as HTML cut through a tag.
    await ctx.reply(`${supportReplyText(reply, ctx.t).slice(0, MAX_TEXT - 1)}…`, markup);
  }
}

/** "typing…" while the answer is worked out; a failed chat action never holds the answer up. */
function keepTyping(ctx: BotContext): () => void {
  const send = () => void ctx.replyWithChatAction("typing").catch(() => undefined);
  send();
  const timer = setInterval(send, TYPING_EVERY_MS);
  return () => clearInterval(timer);
}
