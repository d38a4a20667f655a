import { z } from "zod";
import { DEFAULT_PAPER_BALANCE, linkAccount } from "../../../core/accounts/link-account.ts";
import { credentialProblem, credentialText, secretText } from "../../shared/credential-text.ts";
import type { DiscordDeps } from "../discord-deps.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { customId } from "../kit/custom-id.ts";
import type { Caller, Responder } from "../kit/handler-input.ts";
import { parseOptions } from "../kit/options.ts";
import type { ModalView } from "../kit/view.ts";
import { passesTermsGate } from "./terms.ts";

// Exchanges whose API keys come with a passphrase.
const NEEDS_PASSPHRASE = new Set(["okx", "bitget", "kucoinfutures", "kucoin"]);
const NAME = "link";

const options = z.object({ exchange: z.string().trim().toLowerCase().max(32).optional() });
// The form's fields, checked as the Telegram bot checks each message (a form keeps a PEM key's line breaks).
const keysFields = z.object({ key: credentialText, secret: secretText, password: credentialText.optional() });

/**
 * /link [exchange]: paper links at once; any other exchange opens a form for key, secret (and passphrase), which
 * linkAccount checks with the exchange before saving (wrong keys and withdraw-capable keys are refused). Without
 * the option, a select offers the exchanges. Secrets are typed only in the form and never echoed or logged.
 */
export const linkCommand: CommandModule = {
  name: NAME,
  place: "anywhere",
  description: "help-command-link",
  build: (b, { text }) =>
    b.addStringOption((o) =>
      text.describe(o.setName("exchange").setAutocomplete(true), "discord-link-option-exchange"),
    ),

  async run(input, res, deps) {
    const { exchange } = parseOptions(options, input);
    if (!(await passesTermsGate(input, res, deps, NAME))) return;
    if (exchange) return start(exchange, input, res, deps);
    await res.reply({
      text: input.t("link-choose-exchange"),
      rows: [
        {
          type: "select",
          id: customId(NAME, "pick"),
          placeholder: input.t("discord-link-pick-placeholder"),
          options: deps.linkableExchanges.map((e) => ({ label: exchangeLabel(e, input), value: e })),
        },
      ],
    });
  },

  async autocomplete(input, deps) {
    const typed = input.focused.value.trim().toLowerCase();
    return deps.linkableExchanges
      .filter((e) => e.includes(typed))
      .map((e) => ({ name: exchangeLabel(e, input), value: e }));
  },

  async component(input, res, deps) {
    if (input.action !== "pick") return void (await res.update({ text: input.t("common-menu-expired") }));
    if (!(await passesTermsGate(input, res, deps, NAME))) return;
    await start(input.values[0] ?? "", input, res, deps);
  },

  async modal(input, res, deps) {
    const exchange = input.args[0] ?? "";
    if (input.action !== "keys" || !deps.linkableExchanges.includes(exchange) || exchange === "paper") {
      return void (await res.reply({ text: input.t("link-not-offered") }));
    }
    // The terms may have changed while the form was open.
    if (!(await passesTermsGate(input, res, deps, NAME))) return;
    const parsed = keysFields.safeParse({
      key: input.fields.key ?? "",
      secret: input.fields.secret ?? "",
      password: NEEDS_PASSPHRASE.has(exchange) ? (input.fields.password ?? "") : undefined,
    });
    if (!parsed.success) {
      return void (await res.reply({
        text: input.t("discord-link-invalid", { problem: input.t(credentialProblem(parsed.error)) }),
      }));
    }
    // The exchange is asked before anything is saved: that may take longer than Discord's 3 s.
    await res.defer();
    const { key, secret, password } = parsed.data;
    const account = await linkAccount(
      { userId: input.userId, exchange, apiKey: key, secret, password },
      { ...deps, logger: input.log },
    );
    input.log.info({ accountId: account.id, exchange }, "exchange account linked");
    await res.reply({ text: input.t("link-linked", { exchange }) });
  },
};

/** Paper links at once (in place of the select when it came from one); other exchanges get the form. */
async function start(exchange: string, input: Caller, res: Responder, deps: DiscordDeps): Promise<void> {
  const { t } = input;
  if (!deps.linkableExchanges.includes(exchange)) return void (await res.reply({ text: t("link-not-offered") }));
  if (exchange === "paper") {
    const account = await linkAccount({ userId: input.userId, exchange: "paper" }, { ...deps, logger: input.log });
    input.log.info({ accountId: account.id }, "paper account linked");
    const text = `${t("link-paper-linked", { balance: DEFAULT_PAPER_BALANCE })}\n${t("link-paper-next")}`;
    return res.update({ text });
  }
  await res.showModal(keysForm(exchange, input));
}

function keysForm(exchange: string, { t }: Caller): ModalView {
  const form: ModalView = {
    id: customId(NAME, "keys", exchange),
    title: t("link-form-title", { exchange }),
    fields: [
      { id: "key", label: t("link-form-key"), hint: t("link-key-advice"), minLength: 8, maxLength: 512 },
      {
        id: "secret",
        label: t("link-form-secret"),
        hint: t("link-form-secret-hint"),
        style: "paragraph",
        minLength: 8,
        maxLength: 4000,
      },
    ],
  };
  if (NEEDS_PASSPHRASE.has(exchange))
    form.fields.push({ id: "password", label: t("link-form-password"), maxLength: 512 });
  return form;
}

const exchangeLabel = (exchange: string, { t }: Pick<Caller, "t">) =>
  exchange === "paper" ? t("link-paper-button", { balance: DEFAULT_PAPER_BALANCE }) : exchange;
