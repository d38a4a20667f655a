import { Composer } from "grammy";
import { listStrategies } from "../../../core/strategies/list-strategies.ts";
import type { BotContext } from "../bot-context.ts";

export function strategiesFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("strategies", async (ctx) => {
    const strategies = await listStrategies({ db: ctx.deps.db, now: ctx.deps.clock.now() });
    if (strategies.length === 0) {
      await ctx.reply("No strategies yet.");
      return;
    }
    const lines = strategies.map((s) => {
      const fill = s.fillRate30d === null ? "" : `, ${Math.round(s.fillRate30d * 100)}% filled`;
      const last = s.lastSignalAt
        ? `, last signal ${s.lastSignalAt.toISOString().slice(0, 16).replace("T", " ")} UTC`
        : "";
      return `${s.name} - ${s.followers} follower(s), ${s.signals30d} signal(s) in 30 d${fill}${last}`;
    });
    await ctx.reply(`${lines.join("\n")}\n\nSend /subscribe to follow one.`);
  });
  return composer;
}
