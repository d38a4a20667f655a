import { Composer, InputFile } from "grammy";
import QRCode from "qrcode";
import {
  confirmTwoFactor,
  disableTwoFactor,
  startTwoFactor,
  twoFactorState,
} from "../../../core/security/two-factor.ts";
import { type BotContext, endFlow, startFlow } from "../bot-context.ts";
import { errorReply } from "../reply-error.ts";

/** /2fa enrols an authenticator (QR + manual secret, confirmed with a code); "/2fa off" disables it with a code. */
export function twoFactorFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.command("2fa", async (ctx) => {
    endFlow(ctx);
    const arg = ctx.match.trim().toLowerCase();
    const state = await twoFactorState({ userId: ctx.userId }, ctx.deps);
    if (arg === "off") {
      if (state !== "on") return void (await ctx.reply("Two-factor authentication is not on; nothing to turn off."));
      startFlow(ctx, { kind: "2fa-disable" });
      return void (await ctx.reply("Send the current 6-digit code from your authenticator to turn 2FA off."));
    }
    if (arg !== "") return void (await ctx.reply("Use /2fa to set up an authenticator, or /2fa off to remove it."));
    if (state === "on") {
      return void (await ctx.reply(
        "Two-factor authentication is on. /panic will ask for a code. Send /2fa off to remove it.",
      ));
    }
    const label = ctx.from?.username ?? `telegram-${ctx.from?.id}`;
    const { secret, uri } = await startTwoFactor({ userId: ctx.userId, issuer: ctx.deps.totpIssuer, label }, ctx.deps);
    const png = await QRCode.toBuffer(uri, { type: "png", margin: 2, width: 320 });
    const sent = await ctx.replyWithPhoto(new InputFile(png, "2fa.png"), {
      caption: `Scan this with an authenticator app (Google Authenticator, Aegis, 1Password...), or enter the key by hand:\n${secret}\n\nThen send the 6-digit code it shows. I delete this picture once you confirm.`,
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
        if (flow.qrMessageId) await ctx.api.deleteMessage(ctx.chat.id, flow.qrMessageId).catch(() => undefined);
        await ctx.reply("Two-factor authentication is on. /panic now works with a code from your app.");
      } else {
        await disableTwoFactor({ userId: ctx.userId, code }, ctx.deps);
        endFlow(ctx);
        await ctx.reply("Two-factor authentication is off. /panic is unavailable until you set it up again.");
      }
    } catch (err) {
      // The flow stays open for another try, unless the lock ended it.
      await ctx.reply(errorReply(err) + attemptsLeft(err));
    }
  });
  return composer;
}

export function attemptsLeft(err: unknown): string {
  const left = (err as { details?: { attemptsLeft?: number } }).details?.attemptsLeft;
  return typeof left === "number" ? ` ${left} attempt(s) left before a 15-minute lock.` : "";
}
