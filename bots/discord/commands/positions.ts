import { AppError, type ErrorCode } from "../../../core/platform/errors.ts";
import { type AccountPositions, positionsOverview } from "../../../core/trades/positions-overview.ts";
import { errorText } from "../../shared/wording/error-text.ts";
import { accountName, signedMoney } from "../../shared/wording/format.ts";
import type { T } from "../../shared/wording/translator.ts";
import type { CommandModule } from "../kit/command-module.ts";
import type { EmbedView } from "../kit/view.ts";

/**
 * /positions: per account (an embed each) Mimic's open trades with entry, mark, unrealised PnL, TP and SL, then
 * what else the exchange holds. Read live, so the answer is deferred; one account failing does not hide the rest.
 */
export const positionsCommand: CommandModule = {
  name: "positions",
  place: "anywhere",
  description: "help-command-positions",

  async run(input, res, deps) {
    await res.defer();
    const accounts = await positionsOverview({ userId: input.userId }, deps);
    if (accounts.length === 0) return void (await res.reply({ text: input.t("positions-no-accounts") }));
    await res.reply({ embeds: accounts.map((a) => accountEmbed(a, input.t)) });
  },
};

function accountEmbed(a: AccountPositions, t: T): EmbedView {
  const lines: string[] = [];
  if (a.error) {
    const error = errorText(new AppError(a.error.code as ErrorCode, a.error.message), t);
    lines.push(t("positions-unreadable", { error }));
  }
  if (!a.trades.length) lines.push(t("positions-no-trades"));
  for (const trade of a.trades) {
    const extra = [
      trade.markPrice ? t("positions-mark", { price: trade.markPrice.toString() }) : "",
      trade.unrealisedPnl ? t("positions-pnl", { pnl: signedMoney(trade.unrealisedPnl) }) : "",
      trade.status === "open" ? "" : t("positions-state", { status: t("common-status", { status: trade.status }) }),
    ].join("");
    lines.push(
      `**${t("positions-trade", {
        symbol: trade.symbol,
        side: trade.side,
        amount: trade.amount.toString(),
        entry: trade.entryPrice?.toString() ?? t("common-unknown"),
        extra,
        strategy: trade.strategy,
      })}**`,
    );
    const protection = {
      tp: trade.takeProfit
        ? t("positions-take-profit", { price: trade.takeProfit.toString() })
        : t("positions-no-take-profit"),
      sl: trade.stopLoss ? t("positions-stop-loss", { price: trade.stopLoss.toString() }) : t("positions-no-stop-loss"),
    };
    lines.push(
      `> ${
        trade.protectionError
          ? t("positions-not-protected", { ...protection, reason: trade.protectionError })
          : t("positions-protection", protection)
      }`,
    );
  }
  if (a.others.length) {
    lines.push("", t("positions-others"));
    for (const p of a.others) {
      const pnl = p.unrealizedPnl ? t("positions-pnl", { pnl: signedMoney(p.unrealizedPnl) }) : "";
      lines.push(
        `- ${t("positions-other", {
          symbol: p.symbol,
          side: p.side,
          amount: p.contracts.toString(),
          entry: p.entryPrice.toString(),
          pnl,
        })}`,
      );
    }
  }
  const unprotected = a.trades.some((tr) => tr.protectionError);
  return {
    title: accountName(a.account),
    description: lines.join("\n"),
    tone: a.error || unprotected ? "warning" : "info",
  };
}
