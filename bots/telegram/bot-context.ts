import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context, SessionFlavor } from "grammy";
import type { Logger } from "pino";
import type { BotDeps } from "./bot-deps.ts";
import type { Flow, SessionData } from "./session/session-data.ts";

export interface BotContextFlavor {
  deps: BotDeps;
  /** pino child for this update. */
  log: Logger;
  /** The Mimic user behind ctx.from, set for every update that has a sender. */
  userId: string;
  userCreated: boolean;
}

/** `ctx.t(key, args)` (from I18nFlavor) words every reply in the sender's language; see middleware/i18n.ts. */
export type BotContext = Context & SessionFlavor<SessionData> & BotContextFlavor & I18nFlavor;

export function startFlow(ctx: BotContext, flow: Flow): void {
  ctx.session.flow = { ...flow, startedAt: ctx.deps.clock.now().getTime() };
}

export function endFlow(ctx: BotContext): void {
  ctx.session.flow = undefined;
}

const discarded = new WeakMap<BotContext, Set<number>>();

/**
 * Deletes what `flow` left in the chat (the /2fa setup picture, which shows the TOTP secret) unless the flow in
 * the session still holds it. Safe to call more than once in an update; never throws.
 */
export async function discardFlowLeftovers(ctx: BotContext, flow: Flow | undefined): Promise<void> {
  const messageId = flow?.kind === "2fa-confirm" ? flow.qrMessageId : undefined;
  const chatId = ctx.chat?.id;
  if (messageId === undefined || chatId === undefined) return;
  const current = ctx.session.flow;
  if (current?.kind === "2fa-confirm" && current.qrMessageId === messageId) return;
  const done = discarded.get(ctx) ?? new Set<number>();
  if (done.has(messageId)) return;
  done.add(messageId);
  discarded.set(ctx, done);
  await ctx.api
    .deleteMessage(chatId, messageId)
    .catch((err: Error) => ctx.log.warn({ err: err.message }, "could not delete the 2FA setup picture"));
}
