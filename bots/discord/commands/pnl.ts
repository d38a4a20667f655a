import { pnlSummary } from "../../../core/portfolio/pnl-summary.ts";
import { renderPnlCard } from "../../shared/pnl-card/render-pnl-card.ts";
import type { CommandModule } from "../kit/command-module.ts";

/** /pnl: the PnL card (the Telegram bot's PNG) as a file, with equity as its caption. Read live, so deferred. */
export const pnlCommand: CommandModule = {
  name: "pnl",
  place: "anywhere",
  description: "help-command-pnl",

  async run(input, res, deps) {
    const { t } = input;
    await res.defer();
    const summary = await pnlSummary({ userId: input.userId }, { ...deps, now: deps.clock.now() });
    const png = await renderPnlCard(summary);
    const args = { equity: summary.equity.toFixed(2), quote: summary.quote };
    const caption = summary.unreadable
      ? t("pnl-caption-partial", { ...args, unreadable: summary.unreadable })
      : t("pnl-caption", args);
    await res.reply({
      embeds: [{ description: caption, image: "pnl.png", tone: summary.unrealised.gte(0) ? "success" : "danger" }],
      files: [{ name: "pnl.png", data: png, description: caption }],
    });
  },
};
