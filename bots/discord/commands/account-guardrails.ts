import { listAccounts } from "../../../core/accounts/list-accounts.ts";
import type { GuardrailField } from "../../../core/guardrails/guardrail-settings.ts";
import { setGuardrails } from "../../../core/guardrails/set-guardrails.ts";
import { AppError } from "../../../core/platform/errors.ts";
import { accountName } from "../../shared/wording/format.ts";
import { GUARDRAIL_WORDING, guardrailSummary, readGuardrailValue } from "../../shared/wording/guardrail-text.ts";
import type { DiscordDeps } from "../discord-deps.ts";
import { customId, packId } from "../kit/custom-id.ts";
import type { Caller, ModalInput, Responder } from "../kit/handler-input.ts";
import { button, type ModalView, type View } from "../kit/view.ts";

// The daily guardrails of one account, under /accounts: a view with a button per limit, each opening a form for its
// percent (empty or "off" turns it off). core/guardrails checks and stores it; the wording is the shared one.

const FIELD_CODE: Record<GuardrailField, string> = { dailyLossLimitPerc: "l", dailyProfitLockPerc: "p" };
export const guardrailFieldOf = (code: string | undefined): GuardrailField | null =>
  code === "l" ? "dailyLossLimitPerc" : code === "p" ? "dailyProfitLockPerc" : null;

async function accountOf(input: Caller, deps: DiscordDeps, accountId: string) {
  const account = (await listAccounts({ userId: input.userId }, deps)).find((a) => a.id === accountId);
  if (!account) {
    throw new AppError("NOT_FOUND", "that account does not exist any more", {
      details: { wording: "accounts-guard-gone" },
    });
  }
  return account;
}

/** The account's limits and today's state, with a button per limit. `head` says what just changed. */
export async function guardrailView(
  command: string,
  input: Caller,
  deps: DiscordDeps,
  accountId: string,
  head?: string,
): Promise<View> {
  const { t } = input;
  const account = await accountOf(input, deps, accountId);
  const summary = guardrailSummary(accountName(account), account.guardrails, t);
  const p = packId(account.id);
  return {
    text: head ? `${head}\n${summary}` : summary,
    rows: [
      (["dailyLossLimitPerc", "dailyProfitLockPerc"] as const).map((f) =>
        button(customId(command, `g${FIELD_CODE[f]}`, p), t(GUARDRAIL_WORDING[f].button)),
      ),
    ],
  };
}

/** A form with one field for the limit, filled with what it is now. */
export async function guardrailForm(
  command: string,
  input: Caller,
  deps: DiscordDeps,
  accountId: string,
  field: GuardrailField,
): Promise<ModalView> {
  const { t } = input;
  const account = await accountOf(input, deps, accountId);
  return {
    id: customId(command, "setg", FIELD_CODE[field], packId(account.id)),
    title: t("accounts-guard-title", { account: accountName(account) }).slice(0, 45),
    fields: [
      {
        id: "value",
        label: t(GUARDRAIL_WORDING[field].field),
        required: false,
        maxLength: 40,
        value: account.guardrails[field] ?? undefined,
      },
    ],
  };
}

/** A submitted form: the limit stored and the view shown again, or why the value was refused. */
export async function saveGuardrailForm(
  command: string,
  input: ModalInput,
  res: Responder,
  deps: DiscordDeps,
  accountId: string,
  field: GuardrailField,
): Promise<void> {
  const { t } = input;
  const read = readGuardrailValue(field, input.fields.value ?? "", t);
  if ("problem" in read) {
    const ask = t(GUARDRAIL_WORDING[field].ask);
    return void (await res.reply({ text: t("accounts-guard-invalid", { problem: read.problem, ask }) }));
  }
  await setGuardrails(
    { accountId, userId: input.userId, actor: `user:${input.userId}`, change: { [field]: read.value } },
    deps,
  );
  input.log.info({ accountId, field }, "account guardrail changed");
  await res.update(await guardrailView(command, input, deps, accountId, t("accounts-guard-saved")));
}
