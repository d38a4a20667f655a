import { listStrategies } from "../../../core/strategies/list-strategies.ts";
import { utcMinute } from "../../shared/wording/format.ts";
import type { CommandModule } from "../kit/command-module.ts";

/** /strategies: every strategy with followers, signals in 30 days, fill rate and last signal. */
export const strategiesCommand: CommandModule = {
  name: "strategies",
  place: "anywhere",
  description: "help-command-strategies",

  async run(input, res, deps) {
    const { t } = input;
    const strategies = await listStrategies({ db: deps.db, now: deps.clock.now() });
    if (strategies.length === 0) return void (await res.reply({ text: t("strategies-empty") }));
    const lines = strategies.map((s) => {
      const fill = s.fillRate30d === null ? "" : t("strategies-fill", { percent: Math.round(s.fillRate30d * 100) });
      const last = s.lastSignalAt ? t("strategies-last-signal", { at: utcMinute(s.lastSignalAt) }) : "";
      return `${t("strategies-line", { name: s.name, followers: s.followers, signals: s.signals30d })}${fill}${last} · \`${s.slug}\``;
    });
    await res.reply({ embeds: [{ description: lines.join("\n"), footer: t("strategies-footer"), tone: "info" }] });
  },
};
