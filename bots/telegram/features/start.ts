import { Composer } from "grammy";
import type { BotContext } from "../bot-context.ts";

export function startFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("start", async (ctx) => {
    const accounts = await ctx.deps.db.exchangeAccount.count({ where: { userId: ctx.userId, status: "active" } });
    const greeting = ctx.userCreated ? "Welcome to Mimic!" : "Welcome back to Mimic.";
    const next =
      accounts === 0
        ? "Next: /link an exchange account (or a paper account to try it risk-free), then /subscribe to a strategy from /strategies."
        : "Next: /strategies to find one to follow, /subscribe, or /positions to see your trades.";
    await ctx.reply(
      `${greeting} Mimic copies the trades of the strategies you follow to your own exchange account, sized by your settings.\n\n${next}\n\nSet up /2fa so that /panic can close everything in an emergency. /help lists every command.`,
    );
  });
  return composer;
}
