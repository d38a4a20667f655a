import { Composer } from "grammy";
import type { BotContext } from "../bot-context.ts";

export function startFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("start", async (ctx) => {
    const accounts = await ctx.deps.db.exchangeAccount.count({ where: { userId: ctx.userId, status: "active" } });
    const greeting = ctx.t(ctx.userCreated ? "start-greeting-new" : "start-greeting-back");
    const next = ctx.t(accounts === 0 ? "start-next-link" : "start-next-follow");
    await ctx.reply(`${greeting} ${ctx.t("start-intro")}\n\n${next}\n\n${ctx.t("start-outro")}`);
  });
  return composer;
}
