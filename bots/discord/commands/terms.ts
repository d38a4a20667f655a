import { acceptTerms } from "../../../core/community/terms/accept-terms.ts";
import { searchCountries } from "../../../core/community/terms/country-search.ts";
import { declareCountry } from "../../../core/community/terms/declare-country.ts";
import { checkMoneyAccess, defaultTermsGate, type TermsGate } from "../../../core/community/terms/terms-gate.ts";
import { isAppError } from "../../../core/platform/errors.ts";
import { utcMinute } from "../../shared/wording/format.ts";
import { blockedText, commonCountryChoices, countryLabel, termsPromptText } from "../../shared/wording/terms-text.ts";
import type { DiscordDeps } from "../discord-deps.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { customId } from "../kit/custom-id.ts";
import type { Caller, Responder } from "../kit/handler-input.ts";
import { button, type View } from "../kit/view.ts";

const NAME = "terms";
// The gated command a user came from, carried in the custom ids so the last answer can name it ("-": /terms).
const THEN = new Set(["link", "subscribe", "accounts"]);
const thenOf = (arg: string | undefined) => (arg && THEN.has(arg) ? arg : "-");

const gateOf = (deps: DiscordDeps): TermsGate => deps.terms ?? defaultTermsGate();

/**
 * The gate in front of everything that touches money (/link, /subscribe, a daily limit under /accounts): true
 * when the user has accepted the current terms and declared a country that is not blocked; otherwise it answers
 * with what is missing (the terms with an accept button, the country list, or the polite refusal) and is false.
 * /panic, /unsubscribe, /settings and removing an account never ask: stopping must always work.
 */
export async function passesTermsGate(
  input: Caller,
  res: Responder,
  deps: DiscordDeps,
  then: "link" | "subscribe" | "accounts",
): Promise<boolean> {
  const view = await nextStep(input, deps, then);
  if (!view) return true;
  await res.reply(view);
  return false;
}

/** What the user still has to do before `then`, as a view; null when nothing. */
async function nextStep(input: Caller, deps: DiscordDeps, then: string, head?: string): Promise<View | null> {
  const { t } = input;
  const gate = gateOf(deps);
  const access = await checkMoneyAccess({ userId: input.userId }, { db: deps.db, terms: gate });
  const withHead = (text: string) => (head ? `${head}\n${text}` : text);
  if (access.step === "ok") return null;
  if (access.step === "blocked") return { text: withHead(blockedText(t, access.country)) };
  if (access.step === "country") return countryView(input, then, head);
  return {
    text: head,
    embeds: [{ description: termsPromptText(t, gate, { changed: access.changed }), tone: "info" }],
    rows: [[button(customId(NAME, "ok", gate.version, then), t("terms-accept-button"), "success")]],
  };
}

function countryView({ t }: Caller, then: string, head?: string): View {
  const ask = t("terms-country-ask");
  return {
    text: head ? `${head}\n${ask}` : ask,
    rows: [
      {
        type: "select",
        id: customId(NAME, "pick", then),
        placeholder: t("terms-form-pick"),
        options: commonCountryChoices().map((c) => ({ label: c.label, value: c.code })),
      },
      [button(customId(NAME, "search", then), t("terms-form-search-button"), "primary")],
    ],
  };
}

/** After an answer: the next question, the refusal, or "all set" naming the command to run again. */
async function onward(input: Caller, res: Responder, deps: DiscordDeps, then: string, head: string): Promise<void> {
  const next = await nextStep(input, deps, then, head);
  if (next) return res.update(next);
  const done = then === "-" ? input.t("terms-ready") : input.t("terms-run-again", { command: `/${then}` });
  await res.update({ text: `${head}\n${done}` });
}

/**
 * /terms: the summary, the link, whether the current version is accepted and the country declared, with buttons
 * to accept and to change the country; and every component of the gate (custom ids "terms:…").
 */
export const termsCommand: CommandModule = {
  name: NAME,
  place: "anywhere",
  description: "help-command-terms",

  async run(input, res, deps) {
    const { t } = input;
    const gate = gateOf(deps);
    const user = await deps.db.user.findUniqueOrThrow({
      where: { id: input.userId },
      select: { termsVersion: true, termsAcceptedAt: true, country: true },
    });
    const accepted = user.termsVersion === gate.version ? user.termsAcceptedAt : null;
    const status = accepted
      ? t("terms-status-accepted", { version: gate.version, date: `${utcMinute(accepted)} UTC` })
      : t("terms-status-pending", { version: gate.version });
    const country = user.country
      ? t("terms-status-country", { country: countryLabel(user.country) })
      : t("terms-status-no-country");
    const buttons = [button(customId(NAME, "cc", "-"), t("terms-change-country-button"))];
    if (!accepted)
      buttons.unshift(button(customId(NAME, "ok", gate.version, "-"), t("terms-accept-button"), "success"));
    await res.reply({
      embeds: [
        { description: `${t("terms-summary")}\n\n${t("terms-read", { url: gate.url })}\n\n${status}\n${country}` },
      ],
      rows: [buttons],
    });
  },

  async component(input, res, deps) {
    const { t } = input;
    if (input.action === "ok") {
      const then = thenOf(input.args[1]);
      try {
        const { version } = await acceptTerms(
          { userId: input.userId, version: input.args[0] ?? "" },
          { ...deps, terms: gateOf(deps) },
        );
        return onward(input, res, deps, then, t("terms-accepted", { version }));
      } catch (err) {
        if (!isAppError(err, "CONFLICT")) throw err;
        return onward(input, res, deps, then, t("terms-changed"));
      }
    }
    const then = thenOf(input.args[0]);
    if (input.action === "pick") {
      const country = await declareCountry({ userId: input.userId, country: input.values[0] ?? "" }, deps);
      return onward(input, res, deps, then, t("terms-country-declared", { country: countryLabel(country.code) }));
    }
    if (input.action === "cc") return res.update(countryView(input, then));
    if (input.action === "search") {
      return res.showModal({
        id: customId(NAME, "find", then),
        title: t("terms-form-search-title"),
        fields: [{ id: "query", label: t("terms-form-search-field"), minLength: 2, maxLength: 60 }],
      });
    }
    await res.update({ text: t("common-menu-expired") });
  },

  // The search form: what matched, as a select (Discord shows at most 25), or the question again.
  async modal(input, res) {
    const { t } = input;
    const then = thenOf(input.args[0]);
    if (input.action !== "find") return void (await res.reply({ text: t("common-menu-expired") }));
    const query = (input.fields.query ?? "").trim().slice(0, 60);
    const found = searchCountries(query, 25);
    if (found.length === 0) {
      const view = countryView(input, then);
      return res.update({ ...view, text: `${t("terms-country-none", { query })}\n${view.text}` });
    }
    await res.update({
      text: t("terms-country-results", { query }),
      rows: [
        {
          type: "select",
          id: customId(NAME, "pick", then),
          placeholder: t("terms-form-pick"),
          options: found.map((c) => ({ label: countryLabel(c.code), value: c.code })),
        },
        [button(customId(NAME, "search", then), t("terms-form-search-button"), "primary")],
      ],
    });
  },
};
