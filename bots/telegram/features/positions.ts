import { Composer } from "grammy";
import { AppError, type ErrorCode } from "../../../core/platform/errors.ts";
import { accountSnapshots } from "../../../core/portfolio/account-snapshots.ts";
import type { BotContext } from "../bot-context.ts";
import { accountName, money, signedMoney } from "../format.ts";
import { errorReply } from "../reply-error.ts";

/** /positions and /balance: read live from each linked account; one account failing does not hide the others. */
export function positionsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.command("positions", async (ctx) => {
    const snapshots = await accountSnapshots({ userId: ctx.userId, include: { positions: true } }, ctx.deps);
    if (snapshots.length === 0) return void (await ctx.reply("No accounts linked. Send /link to add one."));
    const blocks = snapshots.map((s) => {
      const head = accountName(s.account);
      if (s.error)
        return `${head}: could not be read. ${errorReply(new AppError(s.error.code as ErrorCode, s.error.message))}`;
      if (!s.positions?.length) return `${head}: no open positions`;
      const lines = s.positions.map((p) => {
        const pnl = p.unrealizedPnl ? `, PnL ${signedMoney(p.unrealizedPnl)}` : "";
        const lev = p.leverage ? ` ${p.leverage}x` : "";
        return `  ${p.symbol} ${p.side}${lev}: ${p.contracts.toString()} @ ${p.entryPrice.toString()}${pnl}`;
      });
      return `${head}:\n${lines.join("\n")}`;
    });
    await ctx.reply(blocks.join("\n\n"));
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
