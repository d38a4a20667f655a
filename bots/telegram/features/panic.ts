import { Composer } from "grammy";
import { type PanicReport, panicCloseAll } from "../../../core/panic/panic-close-all.ts";
import { twoFactorState } from "../../../core/security/two-factor.ts";
import { type BotContext, endFlow, startFlow } from "../bot-context.ts";
import { accountName } from "../format.ts";
import { errorReply } from "../reply-error.ts";
import { attemptsLeft } from "./two-factor.ts";

/** /panic [code]: closes every position and cancels every order on every account, behind a one-time TOTP code. */
export function panicFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  const run = async (ctx: BotContext, code: string) => {
    endFlow(ctx);
    await ctx.deleteMessage().catch(() => undefined);
    try {
      await ctx.reply("Closing everything...");
      const report = await panicCloseAll({ userId: ctx.userId, code }, ctx.deps);
      await ctx.reply(renderReport(report));
    } catch (err) {
      await ctx.reply(errorReply(err) + attemptsLeft(err));
    }
  };

  dm.command("panic", async (ctx) => {
    endFlow(ctx);
    if ((await twoFactorState({ userId: ctx.userId }, ctx.deps)) !== "on") {
      await ctx.reply(
        "/panic needs two-factor authentication, so that nobody holding your phone unlocked can use it. Set it up with /2fa first.",
      );
      return;
    }
    const code = ctx.match.trim();
    if (code) return run(ctx, code);
    startFlow(ctx, { kind: "panic" });
    await ctx.reply(
      "This closes EVERY open position and cancels EVERY open order on all your accounts, and pauses your subscriptions. Send the current 6-digit code from your authenticator to go ahead, or /cancel to back out.",
    );
  });

  dm.on("message:text", async (ctx, next) => {
    if (ctx.session.flow?.kind !== "panic" || ctx.msg.text.startsWith("/")) return next();
    await run(ctx, ctx.msg.text.trim());
  });
  return composer;
}

function renderReport(report: PanicReport): string {
  const blocks = report.accounts.map((a) => {
    const lines = [`${accountName(a.account)}:`];
    for (const c of a.closed)
      lines.push(`  closed ${c.symbol} ${c.side} ${c.amount.toString()}${c.price ? ` @ ${c.price.toString()}` : ""}`);
    if (!a.closed.length) lines.push("  no open positions");
    if (a.canceledIn.length) lines.push(`  open orders cancelled in ${a.canceledIn.join(", ")}`);
    for (const e of a.errors)
      lines.push(`  FAILED${e.symbol ? ` ${e.symbol}` : ""}: ${e.message} - check this account on the exchange`);
    return lines.join("\n");
  });
  return `Panic done. ${report.pausedSubscriptions} subscription(s) paused (resume in /settings).\n\n${blocks.join("\n\n") || "No active accounts."}`;
}
