import { Composer } from "grammy";
import { AppError, type ErrorCode } from "../../../core/platform/errors.ts";
import { accountSnapshots } from "../../../core/portfolio/account-snapshots.ts";
import { type AccountPositions, positionsOverview } from "../../../core/trades/positions-overview.ts";
import type { T } from "../../shared/wording/translator.ts";
import type { BotContext } from "../bot-context.ts";
import { accountName, money, signedMoney } from "../format.ts";
import { errorReply } from "../reply-error.ts";

/** /positions and /balance: read live from each linked account; one account failing does not hide the others. */
export function positionsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.command("positions", async (ctx) => {
    const accounts = await positionsOverview({ userId: ctx.userId }, ctx.deps);
    if (accounts.length === 0) return void (await ctx.reply(ctx.t("positions-no-accounts")));
    await ctx.reply(accounts.map((a) => renderAccount(a, ctx.t)).join("\n\n"));
  });

  dm.command("balance", async (ctx) => {
    const snapshots = await accountSnapshots({ userId: ctx.userId, include: { balance: true } }, ctx.deps);
    if (snapshots.length === 0) return void (await ctx.reply(ctx.t("balance-no-accounts")));
    const lines = snapshots.map((s) => {
      const account = accountName(s.account);
      if (s.error || !s.balance) {
        return ctx.t("balance-unreadable", { account, reason: s.error?.code ?? ctx.t("balance-no-balance") });
      }
      const { total, free, quote } = s.balance;
      return ctx.t("balance-line", { account, total: money(total, quote), free: money(free, quote) });
    });
    await ctx.reply(lines.join("\n"));
  });
  return composer;
}

/** Mimic's trades first (entry, mark, unrealised PnL, TP and SL), then what else the exchange holds. */
function renderAccount(a: AccountPositions, t: T): string {
  const lines = [t("positions-account", { account: accountName(a.account) })];
  if (a.error) {
    const error = errorReply(new AppError(a.error.code as ErrorCode, a.error.message), t);
    lines.push(`  ${t("positions-unreadable", { error })}`);
  }
  if (!a.trades.length) lines.push(`  ${t("positions-no-trades")}`);
  for (const trade of a.trades) {
    const extra = [
      trade.markPrice ? t("positions-mark", { price: trade.markPrice.toString() }) : "",
      trade.unrealisedPnl ? t("positions-pnl", { pnl: signedMoney(trade.unrealisedPnl) }) : "",
      trade.status === "open" ? "" : t("positions-state", { status: t("common-status", { status: trade.status }) }),
    ].join("");
    lines.push(
      `  ${t("positions-trade", {
        symbol: trade.symbol,
        side: trade.side,
        amount: trade.amount.toString(),
        entry: trade.entryPrice?.toString() ?? t("common-unknown"),
        extra,
        strategy: trade.strategy,
      })}`,
    );
    const protection = {
      tp: trade.takeProfit
        ? t("positions-take-profit", { price: trade.takeProfit.toString() })
        : t("positions-no-take-profit"),
      sl: trade.stopLoss ? t("positions-stop-loss", { price: trade.stopLoss.toString() }) : t("positions-no-stop-loss"),
    };
    lines.push(
      `    ${
        trade.protectionError
          ? t("positions-not-protected", { ...protection, reason: trade.protectionError })
          : t("positions-protection", protection)
      }`,
    );
  }
  if (a.others.length) {
    lines.push(`  ${t("positions-others")}`);
    for (const p of a.others) {
      const pnl = p.unrealizedPnl ? t("positions-pnl", { pnl: signedMoney(p.unrealizedPnl) }) : "";
      lines.push(
        `    ${t("positions-other", {
          symbol: p.symbol,
          side: p.side,
          amount: p.contracts.toString(),
          entry: p.entryPrice.toString(),
          pnl,
        })}`,
      );
    }
  }
  return lines.join("\n");
}
