import { Composer, InlineKeyboard } from "grammy";
import { listAccounts } from "../../../core/accounts/list-accounts.ts";
import { removeAccount } from "../../../core/accounts/remove-account.ts";
import { guardrailListLines } from "../../shared/wording/guardrail-text.ts";
import type { BotContext } from "../bot-context.ts";
import { accountName } from "../format.ts";

/**
 * /accounts: what is linked with its daily limits, setting those (features/account-guardrails.ts), and removing
 * an account (after a confirmation), which pauses its subscriptions.
 */
export function accountsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.command("accounts", async (ctx) => {
    const accounts = await listAccounts({ userId: ctx.userId }, ctx.deps);
    if (accounts.length === 0) {
      await ctx.reply(ctx.t("accounts-empty"));
      return;
    }
    const keyboard = new InlineKeyboard();
    const lines = accounts.map((a, i) => {
      const args = { index: i + 1, account: accountName(a), subscriptions: a.subscriptions };
      keyboard.text(ctx.t("accounts-guard-button", args), `acc:g:${a.id}`).row();
      keyboard.text(ctx.t("accounts-remove-button", args), `acc:rm:${a.id}`).row();
      const line =
        a.status === "active"
          ? ctx.t("accounts-line", args)
          : ctx.t("accounts-line-with-status", { ...args, status: ctx.t("common-status", { status: a.status }) });
      return [line, ...guardrailListLines(a.guardrails, ctx.t)].join("\n");
    });
    await ctx.reply(`${ctx.t("accounts-title")}\n${lines.join("\n")}`, { reply_markup: keyboard });
  });

  dm.callbackQuery(/^acc:rm:([0-9a-f-]{36})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const id = ctx.match[1] ?? "";
    const keyboard = new InlineKeyboard()
      .text(ctx.t("accounts-remove-yes"), `acc:rmy:${id}`)
      .text(ctx.t("common-cancel"), "acc:cancel");
    await ctx.editMessageText(ctx.t("accounts-remove-confirm"), { reply_markup: keyboard });
  });
  dm.callbackQuery("acc:cancel", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("accounts-remove-kept"));
  });
  dm.callbackQuery(/^acc:rmy:([0-9a-f-]{36})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const { pausedSubscriptions } = await removeAccount(
      { userId: ctx.userId, accountId: ctx.match[1] ?? "" },
      ctx.deps,
    );
    await ctx.editMessageText(ctx.t("accounts-removed", { paused: pausedSubscriptions }));
  });
  return composer;
}
