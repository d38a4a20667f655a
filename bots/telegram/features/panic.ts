import { Composer } from "grammy";
import { type PanicReport, panicCloseAll } from "../../../core/panic/panic-close-all.ts";
import { twoFactorState } from "../../../core/security/two-factor.ts";
import type { T } from "../../shared/wording/translator.ts";
import { type BotContext, endFlow, startFlow } from "../bot-context.ts";
import { accountName } from "../format.ts";
import { attemptsLeft, errorReply } from "../reply-error.ts";

/** /panic [code]: closes every position and cancels every order on every account, behind a one-time TOTP code. */
export function panicFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  const run = async (ctx: BotContext, code: string) => {
    endFlow(ctx);
    await ctx.deleteMessage().catch(() => undefined);
    try {
      await ctx.reply(ctx.t("panic-closing"));
      const report = await panicCloseAll({ userId: ctx.userId, code }, ctx.deps);
      await ctx.reply(renderReport(report, ctx.t));
    } catch (err) {
      await ctx.reply(errorReply(err, ctx.t) + attemptsLeft(err, ctx.t));
    }
  };

  dm.command("panic", async (ctx) => {
    endFlow(ctx);
    if ((await twoFactorState({ userId: ctx.userId }, ctx.deps)) !== "on") {
      await ctx.reply(ctx.t("panic-needs-2fa"));
      return;
    }
    const code = ctx.match.trim();
    if (code) return run(ctx, code);
    startFlow(ctx, { kind: "panic" });
    await ctx.reply(ctx.t("panic-confirm"));
  });

  dm.on("message:text", async (ctx, next) => {
    if (ctx.session.flow?.kind !== "panic" || ctx.msg.text.startsWith("/")) return next();
    await run(ctx, ctx.msg.text.trim());
  });
  return composer;
}

function renderReport(report: PanicReport, t: T): string {
  const blocks = report.accounts.map((a) => {
    const lines = [t("panic-account", { account: accountName(a.account) })];
    for (const c of a.closed) {
      const args = { symbol: c.symbol, side: c.side, amount: c.amount.toString() };
      lines.push(
        `  ${c.price ? t("panic-closed-at", { ...args, price: c.price.toString() }) : t("panic-closed", args)}`,
      );
    }
    if (!a.closed.length) lines.push(`  ${t("panic-no-positions")}`);
    if (a.canceledIn.length) lines.push(`  ${t("panic-orders-cancelled", { symbols: a.canceledIn.join(", ") })}`);
    for (const e of a.errors) {
      lines.push(
        `  ${e.symbol ? t("panic-failed-symbol", { symbol: e.symbol, error: e.message }) : t("panic-failed", { error: e.message })}`,
      );
    }
    return lines.join("\n");
  });
  return `${t("panic-done", { paused: report.pausedSubscriptions })}\n\n${blocks.join("\n\n") || t("panic-no-accounts")}`;
}
