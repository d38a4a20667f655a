import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context, session } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext } from "./bot-context.ts";
import type { BotDeps } from "./bot-deps.ts";
import { accountGuardrailsFeature } from "./features/account-guardrails.ts";
import { accountsFeature } from "./features/accounts.ts";
import { cancelFeature } from "./features/cancel.ts";
import { connectFeature } from "./features/connect.ts";
import { helpFeature } from "./features/help.ts";
import { leaderboardFeature } from "./features/leaderboard.ts";
import { askExchange, linkAccountFeature } from "./features/link-account.ts";
import { meFeature } from "./features/me.ts";
import { panicFeature } from "./features/panic.ts";
import { plansFeature } from "./features/plans.ts";
import { pnlFeature } from "./features/pnl.ts";
import { positionsFeature } from "./features/positions.ts";
import { proposeFeature } from "./features/propose.ts";
import { referralFeature } from "./features/referral.ts";
import { settingsFeature } from "./features/settings.ts";
import { startFeature } from "./features/start.ts";
import { strategiesFeature } from "./features/strategies.ts";
import { startSubscribe, subscribeFeature } from "./features/subscribe.ts";
import { supportFeature } from "./features/support.ts";
import { termsFeature } from "./features/terms.ts";
import { tournamentFeature } from "./features/tournament.ts";
import { twoFactorFeature } from "./features/two-factor.ts";
import { unknownInputFeature } from "./features/unknown-command.ts";
import { unsubscribeFeature } from "./features/unsubscribe.ts";
import { voteFeature } from "./features/vote.ts";
import { dedupeUpdates } from "./middleware/dedupe-updates.ts";
import { ensureUser } from "./middleware/ensure-user.ts";
import { expireFlows } from "./middleware/expire-flows.ts";
import { flowLifecycle } from "./middleware/flow-lifecycle.ts";
import { telegramI18n } from "./middleware/i18n.ts";
import { privateOnlyGuard } from "./middleware/private-only.ts";
import { replyErrors } from "./middleware/reply-errors.ts";
import { prismaSessionStorage } from "./session/prisma-session-storage.ts";
import { initialSession } from "./session/session-data.ts";

const chatKey = (ctx: Context) => ctx.chat?.id.toString();

/** The bot with every feature; how updates arrive (polling, webhook, tests) is up to the caller. */
export function createBot(opts: {
  token: string;
  deps: BotDeps;
  apiRoot?: string;
  /** Preset in tests so no getMe call is needed. */
  botInfo?: UserFromGetMe;
}): Bot<BotContext> {
  const { deps } = opts;
  const bot = new Bot<BotContext>(opts.token, { botInfo: opts.botInfo, client: { apiRoot: opts.apiRoot } });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));

  // Updates of one chat run in order (the runner runs different chats concurrently).
  bot.use(sequentialize(chatKey));
  bot.use((ctx, next) => {
    ctx.deps = deps;
    ctx.log = deps.logger.child({ updateId: ctx.update.update_id, chatId: ctx.chat?.id });
    return next();
  });
  // ctx.t from here on: every reply, errors included, in the sender's language (locales/).
  bot.use(telegramI18n(deps.logger));
  bot.use(replyErrors);
  bot.use(dedupeUpdates);
  bot.use(ensureUser);
  bot.use(session({ initial: initialSession, storage: prismaSessionStorage(deps.db), getSessionKey: chatKey }));
  // Around everything that may start, answer or end a flow: a failing step ends its flow, a flow over takes its
  // /2fa picture with it.
  bot.use(flowLifecycle);
  bot.use(expireFlows);
  bot.use(privateOnlyGuard());
  for (const feature of [
    // Before every feature that reads a flow's answer, so "cancel" is never taken for one.
    cancelFeature(),
    // Before every feature that touches money: the terms and the country come first (features/terms.ts).
    termsFeature({ link: askExchange, subscribe: startSubscribe }),
    startFeature(),
    helpFeature(),
    linkAccountFeature(),
    accountsFeature(),
    accountGuardrailsFeature(),
    strategiesFeature(),
    plansFeature(),
    subscribeFeature(),
    unsubscribeFeature(),
    settingsFeature(),
    positionsFeature(),
    twoFactorFeature(),
    panicFeature(),
    pnlFeature(),
    meFeature(),
    leaderboardFeature(),
    tournamentFeature(),
    voteFeature(),
    proposeFeature(),
    connectFeature(),
    referralFeature(),
    // After every feature that reads a flow's answer: a DM is a support question only when nothing else took it.
    supportFeature(),
  ]) {
    bot.use(feature);
  }
  bot.use(unknownInputFeature());
  bot.catch((err) =>
    deps.logger.error({ err: err.message, updateId: err.ctx.update.update_id }, "telegram update failed"),
  );
  return bot;
}
