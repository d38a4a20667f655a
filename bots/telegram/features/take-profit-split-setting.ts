import { Composer } from "grammy";
import { listSubscriptions } from "../../../core/subscriptions/list-subscriptions.ts";
import { updateSubscription } from "../../../core/subscriptions/update-subscription.ts";
import { splitAnswer, splitInvalid, splitSummary } from "../../shared/dca-and-split-choice.ts";
import { subscriptionSummary } from "../../shared/wording/subscription-summary.ts";
import { type BotContext, endFlow, startFlow } from "../bot-context.ts";

const ID = "([0-9a-f-]{36})";

/**
 * /settings → a subscription → Take-profit split: the follower types their own targets ("1.5:50 3:30 5:20"), or
 * "signal" for the signal's. A wrong answer is told what is wrong and asked again, with the flow kept, so nothing
 * is lost and nothing changes until a valid split arrives.
 */
export function takeProfitSplitSettingFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.callbackQuery(new RegExp(`^set:ts:${ID}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const id = ctx.match[1] ?? "";
    const [s] = await listSubscriptions({ userId: ctx.userId, subscriptionId: id }, ctx.deps);
    startFlow(ctx, { kind: "setting", subscriptionId: id, field: "takeProfitSplit" });
    const now = s ? `${splitSummary(s.takeProfitSplit, ctx.t)}\n` : "";
    await ctx.editMessageText(`${now}${ctx.t("settings-ask-split")}`);
  });

  dm.on("message:text", async (ctx, next) => {
    const flow = ctx.session.flow;
    if (flow?.kind !== "setting" || flow.field !== "takeProfitSplit" || ctx.msg.text.startsWith("/")) return next();
    const answer = splitAnswer(ctx.msg.text, ctx.t);
    if ("problem" in answer) {
      await ctx.reply(splitInvalid(answer.problem, ctx.t));
      return;
    }
    const subscriptionId = flow.subscriptionId;
    endFlow(ctx);
    await updateSubscription(
      { userId: ctx.userId, subscriptionId, change: { takeProfitSplit: answer.split } },
      ctx.deps,
    );
    const [s] = await listSubscriptions({ userId: ctx.userId, subscriptionId }, ctx.deps);
    await ctx.reply(`${ctx.t("settings-saved")}\n${s ? subscriptionSummary(s, ctx.t) : ""}`);
  });
  return composer;
}
