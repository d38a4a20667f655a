import { Composer } from "grammy";
import { CONNECT_CODE_TTL_MS, issueConnectCode } from "../../../core/accounts/connect-code.ts";
import { redeemConnectCode } from "../../../core/accounts/redeem-connect-code.ts";
import type { BotContext } from "../bot-context.ts";

/** /connect: a code to enter in Discord; /connect <code>: joins the Discord identity that made the code. */
export function connectFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");
  dm.command("connect", async (ctx) => {
    const code = ctx.match.trim();
    if (!code) {
      const issued = await issueConnectCode({ userId: ctx.userId, transport: "telegram" }, ctx.deps);
      await ctx.reply(ctx.t("connect-code-for-discord", { code: issued.code, minutes: CONNECT_CODE_TTL_MS / 60_000 }));
      return;
    }
    const from = ctx.from;
    if (!from) return;
    const done = await redeemConnectCode({ transport: "telegram", externalId: String(from.id), code }, ctx.deps);
    ctx.log.info({ userId: done.userId, merged: done.merged }, "identities connected");
    await ctx.reply(ctx.t(done.merged ? "connect-merged" : "connect-done"));
  });
  return composer;
}
