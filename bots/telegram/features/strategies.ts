import { Composer } from "grammy";
import { listStrategies } from "../../../core/strategies/list-strategies.ts";
import { utcMinute } from "../../shared/wording/format.ts";
import type { BotContext } from "../bot-context.ts";

export function strategiesFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("strategies", async (ctx) => {
    const strategies = await listStrategies({ db: ctx.deps.db, now: ctx.deps.clock.now() });
    if (strategies.length === 0) {
      await ctx.reply(ctx.t("strategies-empty"));
      return;
    }
    const lines = strategies.map((s) => {
      const fill =
        s.fillRate30d === null ? "" : ctx.t("strategies-fill", { percent: String(Math.round(s.fillRate30d * 100)) });
      const last = s.lastSignalAt ? ctx.t("strategies-last-signal", { at: utcMinute(s.lastSignalAt) }) : "";
      return `${ctx.t("strategies-line", { name: s.name, followers: s.followers, signals: s.signals30d })}${fill}${last}`;
    });
    await ctx.reply(`${lines.join("\n")}\n\n${ctx.t("strategies-footer")}`);
  });
  return composer;
}
