import { listAccounts } from "../../../core/accounts/list-accounts.ts";
import { removeAccount } from "../../../core/accounts/remove-account.ts";
import { accountName } from "../../shared/wording/format.ts";
import { guardrailListLines } from "../../shared/wording/guardrail-text.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { customId, packId, unpackId } from "../kit/custom-id.ts";
import { button } from "../kit/view.ts";
import { guardrailFieldOf, guardrailForm, guardrailView, saveGuardrailForm } from "./account-guardrails.ts";
import { passesTermsGate } from "./terms.ts";

const NAME = "accounts";

/**
 * /accounts: what is linked, with its daily limits; a select opens an account's daily limits (account-guardrails.ts),
 * another removes one after a confirmation button. Removing erases the stored key and pauses the account's
 * subscriptions (removeAccount); open positions stay on the exchange.
 */
export const accountsCommand: CommandModule = {
  name: NAME,
  place: "anywhere",
  description: "help-command-accounts",

  async run(input, res, deps) {
    const { t } = input;
    const accounts = await listAccounts({ userId: input.userId }, deps);
    if (accounts.length === 0) return void (await res.reply({ text: t("accounts-empty") }));
    const lines = accounts.map((a, i) => {
      const args = { index: i + 1, account: accountName(a), subscriptions: a.subscriptions };
      const line =
        a.status === "active"
          ? t("accounts-line", args)
          : t("accounts-line-with-status", { ...args, status: t("common-status", { status: a.status }) });
      return [line, ...guardrailListLines(a.guardrails, t)].join("\n");
    });
    await res.reply({
      embeds: [{ title: t("accounts-title"), description: lines.join("\n"), tone: "info" }],
      rows: [
        {
          type: "select",
          id: customId(NAME, "remove"),
          placeholder: t("discord-accounts-remove-placeholder"),
          options: accounts.map((a, i) => ({
            label: t("accounts-remove-button", { index: i + 1, account: accountName(a) }),
            value: packId(a.id),
          })),
        },
        {
          type: "select",
          id: customId(NAME, "guard"),
          placeholder: t("discord-accounts-guard-placeholder"),
          options: accounts.map((a, i) => ({
            label: t("accounts-guard-button", { index: i + 1, account: accountName(a) }),
            value: packId(a.id),
          })),
        },
      ],
    });
  },

  async component(input, res, deps) {
    const { t } = input;
    if (input.action === "guard" || input.action === "gl" || input.action === "gp") {
      const accountId = unpackId(input.action === "guard" ? input.values[0] : input.args[0]);
      if (!accountId) return void (await res.update({ text: t("common-menu-expired") }));
      const field = guardrailFieldOf(input.action.slice(1));
      // Setting a daily limit waits for the terms; removing an account never does.
      if (field && !(await passesTermsGate(input, res, deps, NAME))) return;
      if (field) return res.showModal(await guardrailForm(NAME, input, deps, accountId, field));
      return res.update(await guardrailView(NAME, input, deps, accountId));
    }
    if (input.action === "remove") {
      const id = input.values[0] ?? "";
      if (!unpackId(id)) return void (await res.update({ text: t("common-menu-expired") }));
      await res.update({
        text: t("accounts-remove-confirm"),
        rows: [
          [
            button(customId(NAME, "yes", id), t("accounts-remove-yes"), "danger"),
            button(customId(NAME, "keep"), t("common-cancel")),
          ],
        ],
      });
      return;
    }
    if (input.action === "keep") return void (await res.update({ text: t("accounts-remove-kept") }));
    const accountId = unpackId(input.args[0]);
    if (input.action !== "yes" || !accountId) return void (await res.update({ text: t("common-menu-expired") }));
    const { pausedSubscriptions } = await removeAccount({ userId: input.userId, accountId }, deps);
    input.log.info({ accountId, pausedSubscriptions }, "exchange account removed");
    await res.update({ text: t("accounts-removed", { paused: pausedSubscriptions }) });
  },

  async modal(input, res, deps) {
    const [code, packed] = input.args;
    const field = guardrailFieldOf(code);
    const accountId = unpackId(packed);
    if (input.action !== "setg" || !field || !accountId) {
      return void (await res.reply({ text: input.t("common-menu-expired") }));
    }
    if (!(await passesTermsGate(input, res, deps, NAME))) return;
    await saveGuardrailForm(NAME, input, res, deps, accountId, field);
  },
};
