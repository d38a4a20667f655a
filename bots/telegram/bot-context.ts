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

export type BotContext = Context & SessionFlavor<SessionData> & BotContextFlavor;

export function startFlow(ctx: BotContext, flow: Flow): void {
  ctx.session.flow = { ...flow, startedAt: ctx.deps.clock.now().getTime() };
}

export function endFlow(ctx: BotContext): void {
  ctx.session.flow = undefined;
}
