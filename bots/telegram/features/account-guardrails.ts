import { Composer, InlineKeyboard } from "grammy";
import { listAccounts } from "../../../core/accounts/list-accounts.ts";
import type { GuardrailField } from "../../../core/guardrails/guardrail-settings.ts";
import { setGuardrails } from "../../../core/guardrails/set-guardrails.ts";
import { AppError } from "../../../core/platform/errors.ts";
import { GUARDRAIL_WORDING, guardrailSummary, readGuardrailValue } from "../../shared/wording/guardrail-text.ts";
import { type BotContext, endFlow, startFlow } from "../bot-context.ts";
import { accountName } from "../format.ts";

const ID = "([0-9a-f-]{36})";
const FIELD_OF: Record<string, GuardrailField> = { l: "dailyLossLimitPerc", p: "dailyProfitLockPerc" };

/**
 * The daily guardrails of one account, from /accounts: what they are, whether one has halted the account today,
 * and a button per limit that asks for the percent (or "off"), as /settings asks for a TP/SL. core/guardrails
 * checks and stores it.
 */
export function accountGuardrailsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  const view = async (ctx: BotContext, accountId: string) => {
    const account = (await listAccounts({ userId: ctx.userId }, ctx.deps)).find((a) => a.id === accountId);
    if (!account) {
      throw new AppError("NOT_FOUND", "that account does not exist any more", {
        details: { wording: "accounts-guard-gone" },
      });
    }
    const keyboard = new InlineKeyboard()
      .text(ctx.t(GUARDRAIL_WORDING.dailyLossLimitPerc.button), `acc:gl:${account.id}`)
      .text(ctx.t(GUARDRAIL_WORDING.dailyProfitLockPerc.button), `acc:gp:${account.id}`);
    return { text: guardrailSummary(accountName(account), account.guardrails, ctx.t), keyboard };
  };

  dm.callbackQuery(new RegExp(`^acc:g:${ID}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const { text, keyboard } = await view(ctx, ctx.match[1] ?? "");
    await ctx.editMessageText(text, { reply_markup: keyboard });
  });
  dm.callbackQuery(new RegExp(`^acc:g(l|p):${ID}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const field = FIELD_OF[ctx.match[1] ?? ""] ?? "dailyLossLimitPerc";
    startFlow(ctx, { kind: "guardrail", accountId: ctx.match[2] ?? "", field });
    await ctx.editMessageText(ctx.t(GUARDRAIL_WORDING[field].ask));
  });

  dm.on("message:text", async (ctx, next) => {
    const flow = ctx.session.flow;
    if (flow?.kind !== "guardrail" || ctx.msg.text.startsWith("/")) return next();
    const read = readGuardrailValue(flow.field, ctx.msg.text, ctx.t);
    if ("problem" in read) {
      const ask = ctx.t(GUARDRAIL_WORDING[flow.field].ask);
      await ctx.reply(ctx.t("accounts-guard-invalid", { problem: read.problem, ask }));
      return;
    }
    endFlow(ctx);
    await setGuardrails(
      {
        accountId: flow.accountId,
        userId: ctx.userId,
        actor: `user:${ctx.userId}`,
        change: { [flow.field]: read.value },
      },
      ctx.deps,
    );
    const { text, keyboard } = await view(ctx, flow.accountId);
    await ctx.reply(`${ctx.t("accounts-guard-saved")}\n${text}`, { reply_markup: keyboard });
  });
  return composer;
}
