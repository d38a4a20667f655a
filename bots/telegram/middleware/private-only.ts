import { Composer } from "grammy";
import type { BotContext } from "../bot-context.ts";

// Commands that touch money, secrets or the follower's own support: in a group anyone could read the answers.
export const PRIVATE_COMMANDS = [
  "link",
  "accounts",
  "plans",
  "subscribe",
  "unsubscribe",
  "settings",
  "positions",
  "balance",
  "pnl",
  "2fa",
  "panic",
  "support",
  "ticket",
  "terms",
] as const;

/** In a group, private commands get a pointer to the DM instead of an answer. */
export function privateOnlyGuard(): Composer<BotContext> {
  const guard = new Composer<BotContext>();
  guard.chatType(["group", "supergroup", "channel"]).command([...PRIVATE_COMMANDS], async (ctx) => {
    const command = ctx.msg.text.slice(1).split(/[\s@]/)[0] ?? "";
    await ctx.reply(ctx.t("common-private-only", { command, bot: ctx.me.username }));
  });
  return guard;
}
