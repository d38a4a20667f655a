import { Composer, InputFile } from "grammy";
import { pnlSummary } from "../../../core/portfolio/pnl-summary.ts";
import { renderPnlCard } from "../../shared/pnl-card/render-pnl-card.ts";
import type { BotContext } from "../bot-context.ts";

export function pnlFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").command("pnl", async (ctx) => {
    const summary = await pnlSummary({ userId: ctx.userId }, { ...ctx.deps, now: ctx.deps.clock.now() });
    const png = await renderPnlCard(summary);
    const args = { equity: summary.equity.toFixed(2), quote: summary.quote, unreadable: summary.unreadable };
    await ctx.replyWithPhoto(new InputFile(png, "pnl.png"), {
      caption: ctx.t(summary.unreadable ? "pnl-caption-partial" : "pnl-caption", args),
    });
  });
  return composer;
}
