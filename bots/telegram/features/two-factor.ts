import { Composer, InputFile } from "grammy";
import QRCode from "qrcode";
import {
  confirmTwoFactor,
  disableTwoFactor,
  startTwoFactor,
  twoFactorState,
} from "../../../core/security/two-factor.ts";
import { type BotContext, discardFlowLeftovers, endFlow, startFlow } from "../bot-context.ts";
import { attemptsLeft, errorReply } from "../reply-error.ts";

export { attemptsLeft };

/**
 * /2fa enrols an authenticator (QR + manual secret, confirmed with a code); "/2fa off" disables it with a code.
 * The QR picture shows the secret: it goes once the code is confirmed, and whenever the setup is abandoned,
 * replaced or expires (middleware/flow-lifecycle.ts).
 */
export function twoFactorFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.command("2fa", async (ctx) => {
    endFlow(ctx);
    const arg = ctx.match.trim().toLowerCase();
    const state = await twoFactorState({ userId: ctx.userId }, ctx.deps);
    if (arg === "off") {
      if (state !== "on") return void (await ctx.reply(ctx.t("two-factor-not-on")));
      startFlow(ctx, { kind: "2fa-disable" });
      return void (await ctx.reply(ctx.t("two-factor-ask-disable-code")));
    }
    if (arg !== "") return void (await ctx.reply(ctx.t("two-factor-usage")));
    if (state === "on") return void (await ctx.reply(ctx.t("two-factor-already-on")));
    const label = ctx.from?.username ?? `telegram-${ctx.from?.id}`;
    const { secret, uri } = await startTwoFactor({ userId: ctx.userId, issuer: ctx.deps.totpIssuer, label }, ctx.deps);
    const png = await QRCode.toBuffer(uri, { type: "png", margin: 2, width: 320 });
    const sent = await ctx.replyWithPhoto(new InputFile(png, "2fa.png"), {
      caption: ctx.t("two-factor-setup", { secret }),
    });
    startFlow(ctx, { kind: "2fa-confirm", qrMessageId: sent.message_id });
  });

  dm.on("message:text", async (ctx, next) => {
    const flow = ctx.session.flow;
    if ((flow?.kind !== "2fa-confirm" && flow?.kind !== "2fa-disable") || ctx.msg.text.startsWith("/")) return next();
    const code = ctx.msg.text.trim();
    try {
      if (flow.kind === "2fa-confirm") {
        await confirmTwoFactor({ userId: ctx.userId, code }, ctx.deps);
        endFlow(ctx);
        await discardFlowLeftovers(ctx, flow);
        await ctx.reply(ctx.t("two-factor-enabled"));
      } else {
        await disableTwoFactor({ userId: ctx.userId, code }, ctx.deps);
        endFlow(ctx);
        await ctx.reply(ctx.t("two-factor-disabled"));
      }
    } catch (err) {
      // The flow stays open for another try, unless the lock ended it.
      await ctx.reply(errorReply(err, ctx.t) + attemptsLeft(err, ctx.t));
    }
  });
  return composer;
}
