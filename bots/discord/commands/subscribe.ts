import { z } from "zod";
import { type AccountSummary, listAccounts } from "../../../core/accounts/list-accounts.ts";
import { assertPlanCovers } from "../../../core/billing/plan-coverage.ts";
import { dec } from "../../../core/platform/decimal.ts";
import { listStrategies } from "../../../core/strategies/list-strategies.ts";
import { followStrategy } from "../../../core/subscriptions/follow-strategy.ts";
import { settingSchemas } from "../../../core/subscriptions/subscription-settings.ts";
import { accountName } from "../../shared/wording/format.ts";
import type { DiscordDeps } from "../discord-deps.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { customId, packId, unpackId } from "../kit/custom-id.ts";
import type { Caller, Responder } from "../kit/handler-input.ts";
import { parseOptions } from "../kit/options.ts";
import { pickOne, suggest } from "./pick.ts";
import { isSizingMode, MODE_WORDING, SIZING_MODES, type SizingMode } from "./sizing-modes.ts";
import { passesTermsGate } from "./terms.ts";

const NAME = "subscribe";

const options = z.object({
  strategy: z.string().trim().min(1).max(100),
  account: z.string().trim().max(100).optional(),
  sizing: z.enum(SIZING_MODES),
  value: z.string().trim().max(40).optional(),
  max_leverage: z.number().int().min(1).max(125).optional(),
});

const activeAccounts = async (input: Caller, deps: DiscordDeps) =>
  (await listAccounts({ userId: input.userId }, deps)).filter((a) => a.status === "active");

/**
 * /subscribe strategy:<slug> sizing:<mode> [value] [account] [max_leverage]: strategy and account by
 * autocomplete; the only active account when there is one; a left-out value is asked in a form. An unknown
 * strategy, account or value is refused before anything is created.
 */
export const subscribeCommand: CommandModule = {
  name: NAME,
  place: "anywhere",
  description: "help-command-subscribe",
  build: (b, { text }) =>
    b
      .addStringOption((o) =>
        text.describe(
          o.setName("strategy").setRequired(true).setAutocomplete(true),
          "discord-subscribe-option-strategy",
        ),
      )
      .addStringOption((o) =>
        text
          .describe(o.setName("sizing").setRequired(true), "discord-subscribe-option-sizing")
          .addChoices(...SIZING_MODES.map((m) => text.choice(MODE_WORDING[m].label, m))),
      )
      .addStringOption((o) => text.describe(o.setName("value").setMaxLength(40), "discord-subscribe-option-value"))
      .addStringOption((o) =>
        text.describe(o.setName("account").setAutocomplete(true), "discord-subscribe-option-account"),
      )
      .addIntegerOption((o) =>
        text.describe(o.setName("max_leverage").setMinValue(1).setMaxValue(125), "discord-subscribe-option-leverage"),
      ),

  async run(input, res, deps) {
    const { t } = input;
    const opts = parseOptions(options, input);
    if (!(await passesTermsGate(input, res, deps, NAME))) return;
    const accounts = await activeAccounts(input, deps);
    if (accounts.length === 0) return void (await res.reply({ text: t("subscribe-link-first") }));
    const strategies = await listStrategies({ db: deps.db, now: deps.clock.now() });
    const strategy = pickOne(strategies, opts.strategy, (s) => [s.slug, s.id, s.name]);
    if (!strategy)
      return void (await res.reply({ text: t("discord-subscribe-unknown-strategy", { strategy: opts.strategy }) }));
    const account = chooseAccount(accounts, opts.account);
    if (!account) {
      const key = opts.account ? "discord-subscribe-unknown-account" : "discord-subscribe-choose-account";
      return void (await res.reply({ text: t(key, { account: opts.account ?? "" }) }));
    }
    // A premium strategy without a plan is refused before the value's form (answer-error words it).
    await assertPlanCovers({ userId: input.userId, strategyId: strategy.id, strategyName: strategy.name }, deps);
    const plan = { strategyId: strategy.id, accountId: account.id, mode: opts.sizing, maxLeverage: opts.max_leverage };
    if (opts.value === undefined || opts.value === "") {
      return res.showModal({
        id: customId(
          NAME,
          "value",
          packId(strategy.id),
          packId(account.id),
          opts.sizing,
          String(opts.max_leverage ?? 0),
        ),
        title: t("subscribe-form-title", { strategy: strategy.name }),
        fields: [{ id: "value", label: t(MODE_WORDING[opts.sizing].field), maxLength: 40 }],
      });
    }
    await follow({ ...plan, value: opts.value }, input, res, deps);
  },

  async autocomplete(input, deps) {
    if (input.focused.name === "account") {
      const accounts = await activeAccounts(input, deps);
      return suggest(accounts, input.focused.value, accountName).map((a) => ({ name: accountName(a), value: a.id }));
    }
    const strategies = await listStrategies({ db: deps.db, now: deps.clock.now() });
    return suggest(strategies, input.focused.value, (s) => `${s.name} ${s.slug}`).map((s) => ({
      name: input.t("subscribe-strategy-button", { name: s.name, followers: s.followers }),
      value: s.slug,
    }));
  },

  async modal(input, res, deps) {
    const [strategy, account, mode, leverage] = input.args;
    const strategyId = unpackId(strategy);
    const accountId = unpackId(account);
    const maxLeverage = Number(leverage);
    if (
      input.action !== "value" ||
      !strategyId ||
      !accountId ||
      !isSizingMode(mode) ||
      !Number.isInteger(maxLeverage)
    ) {
      return void (await res.reply({ text: input.t("subscribe-expired") }));
    }
    if (!(await passesTermsGate(input, res, deps, NAME))) return;
    const plan = { strategyId, accountId, mode, maxLeverage: maxLeverage || undefined };
    await follow({ ...plan, value: input.fields.value ?? "" }, input, res, deps);
  },
};

/** The account option's match, or the only active account when the option was left out. */
function chooseAccount(accounts: AccountSummary[], typed: string | undefined): AccountSummary | null {
  if (!typed) return accounts.length === 1 ? (accounts[0] ?? null) : null;
  return pickOne(accounts, typed, (a) => [a.id, accountName(a), a.label]);
}

async function follow(
  plan: { strategyId: string; accountId: string; mode: SizingMode; value: string; maxLeverage?: number },
  input: Caller,
  res: Responder,
  deps: DiscordDeps,
): Promise<void> {
  const { t } = input;
  const sizing = settingSchemas.sizing.safeParse({ mode: plan.mode, value: plan.value });
  if (!sizing.success) {
    const problem = sizing.error.issues[0]?.message ?? t("subscribe-problem-invalid");
    return void (await res.reply({
      text: t("subscribe-invalid-value", { problem, ask: t(MODE_WORDING[plan.mode].ask) }),
    }));
  }
  const sub = await followStrategy(
    {
      userId: input.userId,
      accountId: plan.accountId,
      strategy: plan.strategyId,
      sizing: { mode: plan.mode, value: dec(sizing.data.value) },
      maxLeverage: plan.maxLeverage,
    },
    deps,
  );
  input.log.info({ subscriptionId: sub.id }, "subscribed");
  await res.reply({
    text: t("subscribe-done", {
      value: sizing.data.value,
      mode: t(MODE_WORDING[plan.mode].label),
      leverage: plan.maxLeverage ? t("subscribe-leverage", { leverage: String(plan.maxLeverage) }) : t("common-none"),
    }),
  });
}
