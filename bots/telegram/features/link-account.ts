import { Composer, InlineKeyboard } from "grammy";
import { DEFAULT_PAPER_BALANCE, linkAccount } from "../../../core/accounts/link-account.ts";
import { credentialProblem, credentialText, secretText } from "../../shared/credential-text.ts";
import { type BotContext, endFlow, startFlow } from "../bot-context.ts";

// Exchanges whose API keys come with a passphrase.
const NEEDS_PASSPHRASE = new Set(["okx", "bitget", "kucoinfutures", "kucoin"]);

/**
 * /link: choose an exchange, then key, secret (and passphrase), each deleted on arrival; checked before saving.
 * The parts wait in the session sealed; the bot never opens them (linkAccount has the exchange resolver do it).
 */
export function linkAccountFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.command("link", askExchange);

  dm.callbackQuery(/^link:([a-z0-9]+)$/, async (ctx) => {
    const exchange = ctx.match[1] ?? "";
    await ctx.answerCallbackQuery();
    if (!ctx.deps.linkableExchanges.includes(exchange)) {
      await ctx.reply(ctx.t("link-not-offered"));
      return;
    }
    if (exchange === "paper") {
      const account = await linkAccount({ userId: ctx.userId, exchange: "paper" }, ctx.deps);
      endFlow(ctx);
      await ctx.editMessageText(ctx.t("link-paper-linked", { balance: DEFAULT_PAPER_BALANCE }));
      ctx.log.info({ accountId: account.id }, "paper account linked");
      await ctx.reply(ctx.t("link-paper-next"));
      return;
    }
    startFlow(ctx, { kind: "link", step: "key", exchange });
    await ctx.editMessageText(ctx.t("link-linking", { exchange }));
    await ctx.reply(ctx.t("link-ask-key", { exchange }));
  });

  dm.on("message:text", async (ctx, next) => {
    const flow = ctx.session.flow;
    if (flow?.kind !== "link" || ctx.msg.text.startsWith("/")) return next();
    // Whatever it holds, a message in this flow may be a secret: it goes first.
    await ctx.deleteMessage().catch((err: Error) => ctx.log.warn({ err: err.message }, "could not delete a secret"));
    // The secret may be a private key (PEM); the key and the passphrase are single tokens.
    const parsed = (flow.step === "secret" ? secretText : credentialText).safeParse(ctx.msg.text);
    if (!parsed.success) {
      await ctx.reply(ctx.t("link-invalid", { problem: capitalise(ctx.t(credentialProblem(parsed.error))) }));
      return;
    }
    if (flow.step === "key") {
      startFlow(ctx, { ...flow, step: "secret", sealedKey: ctx.deps.cipher.seal(parsed.data).envelope });
      await ctx.reply(ctx.t("link-ask-secret"));
      return;
    }
    if (flow.step === "secret" && NEEDS_PASSPHRASE.has(flow.exchange)) {
      startFlow(ctx, { ...flow, step: "password", sealedSecret: ctx.deps.cipher.seal(parsed.data).envelope });
      await ctx.reply(ctx.t("link-ask-password"));
      return;
    }
    // The parts kept earlier stay sealed; the one just sent was never stored.
    const sealed = (envelope?: string) => (envelope ? { sealed: envelope } : undefined);
    const apiKey = sealed(flow.sealedKey);
    const secret = flow.step === "secret" ? parsed.data : sealed(flow.sealedSecret);
    const password = flow.step === "password" ? parsed.data : undefined;
    // The flow ends whatever happens next: a wrong key means starting over, and nothing is kept. (Should the
    // check fail, middleware/flow-lifecycle.ts answers the error and saves the session with the flow ended.)
    endFlow(ctx);
    await ctx.reply(ctx.t("link-checking"));
    const account = await linkAccount(
      { userId: ctx.userId, exchange: flow.exchange, apiKey, secret, password },
      ctx.deps,
    );
    ctx.log.info({ accountId: account.id, exchange: flow.exchange }, "exchange account linked");
    await ctx.reply(ctx.t("link-linked", { exchange: flow.exchange }));
  });
  return composer;
}

/** /link's first question; also where /link goes on once the terms are accepted (features/terms.ts). */
export async function askExchange(ctx: BotContext): Promise<void> {
  endFlow(ctx);
  const keyboard = new InlineKeyboard();
  for (const exchange of ctx.deps.linkableExchanges) {
    const label = exchange === "paper" ? ctx.t("link-paper-button", { balance: DEFAULT_PAPER_BALANCE }) : exchange;
    keyboard.text(label, `link:${exchange}`).row();
  }
  await ctx.reply(ctx.t("link-choose-exchange"), { reply_markup: keyboard });
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
