import { Composer, InlineKeyboard } from "grammy";
import { listAccounts } from "../../../core/accounts/list-accounts.ts";
import { removeAccount } from "../../../core/accounts/remove-account.ts";
import type { BotContext } from "../bot-context.ts";
import { accountName } from "../format.ts";

/** /accounts: what is linked, and removing one (after a confirmation), which pauses its subscriptions. */
export function accountsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.command("accounts", async (ctx) => {
    const accounts = await listAccounts({ userId: ctx.userId }, ctx.deps);
    if (accounts.length === 0) {
      await ctx.reply("No accounts linked yet. Send /link to add one.");
      return;
    }
    const keyboard = new InlineKeyboard();
    const lines = accounts.map((a, i) => {
      keyboard.text(`Remove ${i + 1}. ${accountName(a)}`, `acc:rm:${a.id}`).row();
      const status = a.status === "active" ? "" : ` [${a.status}]`;
      return `${i + 1}. ${accountName(a)}${status} - ${a.subscriptions} active subscription(s)`;
    });
    await ctx.reply(`Your accounts:\n${lines.join("\n")}`, { reply_markup: keyboard });
  });

  dm.callbackQuery(/^acc:rm:([0-9a-f-]{36})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const id = ctx.match[1] ?? "";
    const keyboard = new InlineKeyboard().text("Yes, remove it", `acc:rmy:${id}`).text("Cancel", "acc:cancel");
    await ctx.editMessageText(
      "Remove this account? Its stored keys are erased and its subscriptions paused. Open positions stay open on the exchange.",
      { reply_markup: keyboard },
    );
  });
  dm.callbackQuery("acc:cancel", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText("Nothing was removed.");
  });
  dm.callbackQuery(/^acc:rmy:([0-9a-f-]{36})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const { pausedSubscriptions } = await removeAccount(
      { userId: ctx.userId, accountId: ctx.match[1] ?? "" },
      ctx.deps,
    );
    await ctx.editMessageText(`Account removed; ${pausedSubscriptions} subscription(s) paused.`);
  });
  return composer;
}
