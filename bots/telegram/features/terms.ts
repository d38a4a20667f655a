import { Composer, InlineKeyboard } from "grammy";
import { acceptTerms } from "../../../core/community/terms/accept-terms.ts";
import { searchCountries } from "../../../core/community/terms/country-search.ts";
import { declareCountry } from "../../../core/community/terms/declare-country.ts";
import { checkMoneyAccess, defaultTermsGate, type TermsGate } from "../../../core/community/terms/terms-gate.ts";
import { isAppError } from "../../../core/platform/errors.ts";
import { utcMinute } from "../../shared/wording/format.ts";
import { blockedText, commonCountryChoices, countryLabel, termsPromptText } from "../../shared/wording/terms-text.ts";
import { type BotContext, endFlow, startFlow } from "../bot-context.ts";

type Then = "link" | "subscribe" | "accounts";

/** Where a gated command goes on once the user is through (the command's own first step). */
export type Continuations = Partial<Record<Then, (ctx: BotContext) => Promise<void>>>;

// What touches money: linking (the command, and an exchange button of an older /link), subscribing, and a daily
// limit's button under /accounts. /panic, /unsubscribe, /settings and removing an account never wait for the
// terms: stopping must always work, whatever the user thinks of a new text.
const GATED_COMMANDS = ["link", "subscribe"] as const;
const GATED_BUTTONS = /^(link:|acc:g[lp]:)/;

const gateOf = (ctx: BotContext): TermsGate => ctx.deps.terms ?? defaultTermsGate();

/**
 * The terms and the country of residence, before anything touches money: the gate in front of the gated
 * commands and buttons (placed before their features), the accept button, the country list and its search by
 * typing, and /terms to read them again or change the country. Once through, the command goes on by itself.
 */
export function termsFeature(continuations: Continuations = {}): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  const passes = async (ctx: BotContext, then: Then): Promise<boolean> => {
    const access = await checkMoneyAccess({ userId: ctx.userId }, { db: ctx.deps.db, terms: gateOf(ctx) });
    if (access.step === "ok") return true;
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    if (access.step === "blocked") {
      endFlow(ctx);
      await ctx.reply(blockedText(ctx.t, access.country));
      return false;
    }
    startFlow(ctx, { kind: "onboarding", step: access.step, then });
    if (access.step === "terms") await askTerms(ctx, access.changed);
    else await askCountry(ctx);
    return false;
  };

  dm.command([...GATED_COMMANDS], async (ctx, next) => {
    const then = ctx.msg.text.startsWith("/subscribe") ? "subscribe" : "link";
    if (await passes(ctx, then)) await next();
  });
  dm.callbackQuery(GATED_BUTTONS, async (ctx, next) => {
    if (await passes(ctx, ctx.callbackQuery.data.startsWith("link:") ? "link" : "accounts")) await next();
  });

  // After each answer: the next question, the refusal, or the command the user came for.
  const onward = async (ctx: BotContext) => {
    const flow = ctx.session.flow;
    const then = flow?.kind === "onboarding" ? flow.then : undefined;
    const access = await checkMoneyAccess({ userId: ctx.userId }, { db: ctx.deps.db, terms: gateOf(ctx) });
    if (access.step === "terms") {
      startFlow(ctx, { kind: "onboarding", step: "terms", then });
      return askTerms(ctx, access.changed);
    }
    if (access.step === "country") {
      startFlow(ctx, { kind: "onboarding", step: "country", then });
      return askCountry(ctx);
    }
    endFlow(ctx);
    if (access.step === "blocked") return void (await ctx.reply(blockedText(ctx.t, access.country)));
    const command = then ? `/${then}` : undefined;
    const go = then ? continuations[then] : undefined;
    if (go) {
      await ctx.reply(ctx.t("terms-continue", { command: command ?? "" }));
      return go(ctx);
    }
    await ctx.reply(command ? ctx.t("terms-run-again", { command }) : ctx.t("terms-ready"));
  };

  dm.callbackQuery(/^terms:ok:([0-9a-f]{6,64})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    try {
      const { version } = await acceptTerms(
        { userId: ctx.userId, version: ctx.match[1] ?? "" },
        { ...ctx.deps, terms: gateOf(ctx) },
      );
      await ctx.editMessageText(ctx.t("terms-accepted", { version }));
    } catch (err) {
      if (!isAppError(err, "CONFLICT")) throw err;
      await ctx.editMessageText(ctx.t("terms-changed"));
    }
    await onward(ctx);
  });

  dm.callbackQuery(/^terms:c:([A-Z]{2})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const country = await declareCountry({ userId: ctx.userId, country: ctx.match[1] ?? "" }, ctx.deps);
    await ctx.editMessageText(ctx.t("terms-country-declared", { country: countryLabel(country.code) }));
    await onward(ctx);
  });

  dm.callbackQuery("terms:cc", async (ctx) => {
    await ctx.answerCallbackQuery();
    startFlow(ctx, { kind: "onboarding", step: "country" });
    await askCountry(ctx);
  });

  // Typing while the country is asked searches the list, by name or code, in any case, with or without accents.
  dm.on("message:text", async (ctx, next) => {
    const flow = ctx.session.flow;
    if (flow?.kind !== "onboarding" || flow.step !== "country" || ctx.msg.text.startsWith("/")) return next();
    const query = ctx.msg.text.trim().slice(0, 60);
    const found = searchCountries(query, 8);
    if (found.length === 0) return void (await ctx.reply(ctx.t("terms-country-none", { query })));
    const keyboard = new InlineKeyboard();
    for (const c of found) keyboard.text(countryLabel(c.code), `terms:c:${c.code}`).row();
    await ctx.reply(ctx.t("terms-country-results", { query }), { reply_markup: keyboard });
  });

  dm.command("terms", async (ctx) => {
    endFlow(ctx);
    const gate = gateOf(ctx);
    const user = await ctx.deps.db.user.findUniqueOrThrow({
      where: { id: ctx.userId },
      select: { termsVersion: true, termsAcceptedAt: true, country: true },
    });
    const accepted = user.termsVersion === gate.version && user.termsAcceptedAt;
    const status = accepted
      ? ctx.t("terms-status-accepted", { version: gate.version, date: `${utcMinute(accepted)} UTC` })
      : ctx.t("terms-status-pending", { version: gate.version });
    const country = user.country
      ? ctx.t("terms-status-country", { country: countryLabel(user.country) })
      : ctx.t("terms-status-no-country");
    const keyboard = new InlineKeyboard();
    if (!accepted) keyboard.text(ctx.t("terms-accept-button"), `terms:ok:${gate.version}`).row();
    keyboard.text(ctx.t("terms-change-country-button"), "terms:cc");
    await ctx.reply(`${ctx.t("terms-summary")}\n\n${ctx.t("terms-read", { url: gate.url })}\n\n${status}\n${country}`, {
      reply_markup: keyboard,
      link_preview_options: { is_disabled: true },
    });
  });
  return composer;
}

async function askTerms(ctx: BotContext, changed: boolean): Promise<void> {
  const gate = gateOf(ctx);
  await ctx.reply(termsPromptText(ctx.t, gate, { changed }), {
    reply_markup: new InlineKeyboard().text(ctx.t("terms-accept-button"), `terms:ok:${gate.version}`),
    link_preview_options: { is_disabled: true },
  });
}

async function askCountry(ctx: BotContext): Promise<void> {
  const keyboard = new InlineKeyboard();
  commonCountryChoices().forEach((c, i) => {
    keyboard.text(c.label, `terms:c:${c.code}`);
    if (i % 3 === 2) keyboard.row();
  });
  await ctx.reply(ctx.t("terms-country-ask"), { reply_markup: keyboard });
}
