import type { NextFunction } from "grammy";
import type { BotContext } from "../bot-context.ts";
import { FLOW_TTL_MS } from "../session/session-data.ts";

const COMMAND_OF_FLOW: Record<string, string> = {
  link: "/link",
  subscribe: "/subscribe",
  setting: "/settings",
  guardrail: "/accounts",
  "2fa-confirm": "/2fa",
  "2fa-disable": "/2fa off",
  panic: "/panic",
  onboarding: "/terms",
};

/**
 * A flow left alone for ten minutes is forgotten; the message that finds it expired changes nothing. What the
 * flow left in the chat (the /2fa picture) is deleted by middleware/flow-lifecycle.ts, which runs around this.
 */
export async function expireFlows(ctx: BotContext, next: NextFunction): Promise<void> {
  const flow = ctx.session.flow;
  if (flow && ctx.deps.clock.now().getTime() - flow.startedAt > FLOW_TTL_MS) {
    ctx.session.flow = undefined;
    const isCommand = ctx.message?.text?.startsWith("/");
    if (ctx.message?.text && !isCommand) {
      if (flow.kind === "link") await ctx.deleteMessage().catch(() => undefined);
      await ctx.reply(ctx.t("common-flow-expired", { command: COMMAND_OF_FLOW[flow.kind] ?? "" }));
      return;
    }
  }
  await next();
}
