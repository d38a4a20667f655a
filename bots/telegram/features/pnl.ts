import { Composer, InputFile } from "grammy";
import { pnlSummary } from "../../../core/portfolio/pnl-summary.ts";
import type { BotContext } from "../bot-context.ts";
import { renderPnlCard } from "../pnl-card/render-pnl-card.ts";

export function pnlFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").command("pnl", async (ctx) => {
    const summary = await pnlSummary({ userId: ctx.userId }, { ...ctx.deps, now: ctx.deps.clock.now() });
    const png = await renderPnlCard(summary);
    const note = summary.unreadable ? ` (${summary.unreadable} account(s) could not be read and are left out)` : "";
    await ctx.replyWithPhoto(new InputFile(png, "pnl.png"), {
      caption: `Equity ${summary.equity.toFixed(2)} ${summary.quote}${note}`,
    });
  });
  return composer;
}
