import { Composer, InlineKeyboard } from "grammy";
import { linkAccount } from "../../../core/accounts/link-account.ts";
import { type BotContext, endFlow, startFlow } from "../bot-context.ts";
import { credentialText, secretText } from "./credential-text.ts";

// Exchanges whose API keys come with a passphrase.
const NEEDS_PASSPHRASE = new Set(["okx", "bitget", "kucoinfutures", "kucoin"]);

const PROMPTS = {
  key: (exchange: string) =>
    `Send the API key of your ${exchange} account. Create it with trading enabled and withdrawals OFF. I delete every message holding a secret as soon as I read it.`,
  secret: () => "Now send the API secret (for an Ed25519 or RSA key: the whole private key, BEGIN to END).",
  password: () => "Now send the API passphrase.",
};

/** /link: choose an exchange, then key, secret (and passphrase), each deleted on arrival; checked before saving. */
export function linkAccountFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.command("link", async (ctx) => {
    endFlow(ctx);
    const keyboard = new InlineKeyboard();
    for (const exchange of ctx.deps.linkableExchanges) {
      keyboard.text(exchange === "paper" ? "paper (simulated, 10000 USDT)" : exchange, `link:${exchange}`).row();
    }
    await ctx.reply("Which exchange?", { reply_markup: keyboard });
  });

  dm.callbackQuery(/^link:([a-z0-9]+)$/, async (ctx) => {
    const exchange = ctx.match[1] ?? "";
    await ctx.answerCallbackQuery();
    if (!ctx.deps.linkableExchanges.includes(exchange)) {
      await ctx.reply("That exchange is not offered. Send /link to choose again.");
      return;
    }
    if (exchange === "paper") {
      const account = await linkAccount({ userId: ctx.userId, exchange: "paper" }, ctx.deps);
      endFlow(ctx);
      await ctx.editMessageText("Paper account linked with 10000 USDT of simulated money.");
      ctx.log.info({ accountId: account.id }, "paper account linked");
      await ctx.reply("Next: /subscribe to a strategy (see /strategies).");
      return;
    }
    startFlow(ctx, { kind: "link", step: "key", exchange });
    await ctx.editMessageText(`Linking ${exchange}.`);
    await ctx.reply(PROMPTS.key(exchange));
  });

  dm.on("message:text", async (ctx, next) => {
    const flow = ctx.session.flow;
    if (flow?.kind !== "link" || ctx.msg.text.startsWith("/")) return next();
    // Whatever it holds, a message in this flow may be a secret: it goes first.
    await ctx.deleteMessage().catch((err: Error) => ctx.log.warn({ err: err.message }, "could not delete a secret"));
    // The secret may be a private key (PEM); the key and the passphrase are single tokens.
    const parsed = (flow.step === "secret" ? secretText : credentialText).safeParse(ctx.msg.text);
    if (!parsed.success) {
      await ctx.reply(
        `${parsed.error.issues[0]?.message ?? "that does not look right"}. Please send it again (or /link to restart).`,
      );
      return;
    }
    const sealed = ctx.deps.cipher.seal(parsed.data).envelope;
    if (flow.step === "key") {
      startFlow(ctx, { ...flow, step: "secret", sealedKey: sealed });
      await ctx.reply(PROMPTS.secret());
      return;
    }
    if (flow.step === "secret" && NEEDS_PASSPHRASE.has(flow.exchange)) {
      startFlow(ctx, { ...flow, step: "password", sealedSecret: sealed });
      await ctx.reply(PROMPTS.password());
      return;
    }
    const open = (s?: string) => (s ? ctx.deps.cipher.open(s) : undefined);
    const apiKey = open(flow.sealedKey);
    const secret = flow.step === "secret" ? parsed.data : open(flow.sealedSecret);
    const password = flow.step === "password" ? parsed.data : undefined;
    // The flow ends whatever happens next: a wrong key means starting over, and nothing is kept.
    endFlow(ctx);
    await ctx.reply("Checking the keys with the exchange...");
    const account = await linkAccount(
      { userId: ctx.userId, exchange: flow.exchange, apiKey, secret, password },
      ctx.deps,
    );
    ctx.log.info({ accountId: account.id, exchange: flow.exchange }, "exchange account linked");
    await ctx.reply(`${flow.exchange} account linked. The keys are stored encrypted. Next: /subscribe to a strategy.`);
  });
  return composer;
}
