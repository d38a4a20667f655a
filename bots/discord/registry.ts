import { channelCommand } from "./channels/channel-command.ts";
import { governanceListener } from "./channels/governance-posts.ts";
import { signalChannelsListener } from "./channels/signal-channels-listener.ts";
import { accountsCommand } from "./commands/accounts.ts";
import { achievementsCommand } from "./commands/achievements.ts";
import { askCommand } from "./commands/ask.ts";
import { supportDmListener } from "./commands/ask-dm.ts";
import { balanceCommand } from "./commands/balance.ts";
import { bannerCommand } from "./commands/banner.ts";
import { connectCommand } from "./commands/connect.ts";
import { helpCommand } from "./commands/help.ts";
import { leaderboardCommand } from "./commands/leaderboard.ts";
import { linkCommand } from "./commands/link.ts";
import { meCommand } from "./commands/me.ts";
import { panicCommand } from "./commands/panic.ts";
import { payoutCommand } from "./commands/payout.ts";
import { plansCommand } from "./commands/plans.ts";
import { pnlCommand } from "./commands/pnl.ts";
import { positionsCommand } from "./commands/positions.ts";
import { proposeCommand } from "./commands/propose.ts";
import { referralCommand } from "./commands/referral.ts";
import { settingsCommand } from "./commands/settings.ts";
import { strategiesCommand } from "./commands/strategies.ts";
import { subscribeCommand } from "./commands/subscribe.ts";
import { termsCommand } from "./commands/terms.ts";
import { tournamentCommand } from "./commands/tournament.ts";
import { twoFactorCommand } from "./commands/two-factor.ts";
import { unsubscribeCommand } from "./commands/unsubscribe.ts";
import { voteCommand } from "./commands/vote.ts";
import type { CommandModule, MessageListener } from "./kit/command-module.ts";

// Every slash command of the bot, in /help's order. A new command is a module file and one line here; it is
// registered with Discord at the next start (or `npm run discord:register`).
export const commands: readonly CommandModule[] = [
  helpCommand(() => commands),
  linkCommand,
  accountsCommand,
  strategiesCommand,
  plansCommand,
  subscribeCommand,
  unsubscribeCommand,
  settingsCommand,
  positionsCommand,
  balanceCommand,
  pnlCommand,
  meCommand,
  achievementsCommand,
  leaderboardCommand,
  tournamentCommand,
  voteCommand,
  proposeCommand,
  twoFactorCommand,
  panicCommand,
  connectCommand,
  referralCommand,
  payoutCommand,
  bannerCommand,
  termsCommand,
  askCommand,
  channelCommand,
];

// What takes the gateway's message events (messageCreate, messageUpdate): one line per listener module.
export const listeners: readonly MessageListener[] = [signalChannelsListener, supportDmListener, governanceListener];
