import { Composer } from "grammy";
import { AppError, type ErrorCode } from "../../../core/platform/errors.ts";
import { accountSnapshots } from "../../../core/portfolio/account-snapshots.ts";
import { type AccountPositions, positionsOverview } from "../../../core/trades/positions-overview.ts";
import type { BotContext } from "../bot-context.ts";
import { accountName, money, signedMoney } from "../format.ts";
import { errorReply } from "../reply-error.ts";

/** /positions and /balance: read live from each linked account; one account failing does not hide the others. */
export function positionsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.command("positions", async (ctx) => {
    const accounts = await positionsOverview({ userId: ctx.userId }, ctx.deps);
    if (accounts.length === 0) return void (await ctx.reply("No accounts linked. Send /link to add one."));
    await ctx.reply(accounts.map(renderAccount).join("\n\n"));
  });

  dm.command("balance", async (ctx) => {
    const snapshots = await accountSnapshots({ userId: ctx.userId, include: { balance: true } }, ctx.deps);
    if (snapshots.length === 0) return void (await ctx.reply("No accounts linked. Send /link to add one."));
    const lines = snapshots.map((s) => {
      const head = accountName(s.account);
      if (s.error || !s.balance) return `${head}: could not be read (${s.error?.code ?? "no balance"})`;
      return `${head}: ${money(s.balance.total, s.balance.quote)} total, ${money(s.balance.free, s.balance.quote)} free`;
    });
    await ctx.reply(lines.join("\n"));
  });
  return composer;
}

/** Mimic's trades first (entry, mark, unrealised PnL, TP and SL), then what else the exchange holds. */
function renderAccount(a: AccountPositions): string {
  const lines = [`${accountName(a.account)}:`];
  if (a.error) {
    lines.push(`  could not be read live. ${errorReply(new AppError(a.error.code as ErrorCode, a.error.message))}`);
  }
  if (!a.trades.length) lines.push("  no open trades");
  for (const t of a.trades) {
    const mark = t.markPrice ? `, mark ${t.markPrice.toString()}` : "";
    const pnl = t.unrealisedPnl ? `, PnL ${signedMoney(t.unrealisedPnl)}` : "";
    const state = t.status === "open" ? "" : ` (${t.status})`;
    lines.push(
      `  ${t.symbol} ${t.side} ${t.amount.toString()} @ ${t.entryPrice?.toString() ?? "?"}${mark}${pnl}${state} - ${t.strategy}`,
    );
    const tp = t.takeProfit ? `TP ${t.takeProfit.toString()}` : "no TP";
    const sl = t.stopLoss ? `SL ${t.stopLoss.toString()}` : "no SL";
    lines.push(`    ${tp}, ${sl}${t.protectionError ? ` - not protected: ${t.protectionError}` : ""}`);
  }
  if (a.others.length) {
    lines.push("  Not opened by Mimic:");
    for (const p of a.others) {
      const pnl = p.unrealizedPnl ? `, PnL ${signedMoney(p.unrealizedPnl)}` : "";
      lines.push(`    ${p.symbol} ${p.side} ${p.contracts.toString()} @ ${p.entryPrice.toString()}${pnl}`);
    }
  }
  return lines.join("\n");
}
