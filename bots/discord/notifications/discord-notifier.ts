import { DiscordAPIError, REST } from "@discordjs/rest";
import { RESTJSONErrorCodes, Routes } from "discord.js";
import type {
  DeliveryResult,
  NotificationMessage,
  Notifier,
  Recipient,
} from "../../../core/notifications/notification-message.ts";
import { createEvenPacer } from "../../shared/notifications/even-pacer.ts";
import { notificationText } from "../../shared/wording/notification-text.ts";
import type { Translator } from "../../shared/wording/translator.ts";
import { notificationEmbed } from "./notification-embed.ts";
import { pacedFetch } from "./paced-fetch.ts";

// Notifications take 48 of the token's 50 requests/s; the bot's own requests keep the rest.
const DM_REQUESTS_PER_SECOND = 48;

// DMs closed, or no server shared with the bot any more: nothing more should be sent.
const UNREACHABLE = new Set<number>([
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.CannotSendMessagesToThisUserDueToHavingNoMutualGuilds,
]);
const GONE = new Set<number>([RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.UnknownUser]);

/**
 * Sends notifications as Discord DMs through @discordjs/rest, whose queue keeps to Discord's rate limits (the
 * per-route buckets, and the token's 50 requests/s overall) and waits out a 429. The DM channel is opened once
 * (`POST /users/@me/channels`) and reported back for core to keep; a 50007 means the user closed their DMs.
 */
export function createDiscordNotifier(opts: {
  token: string;
  apiRoot: string;
  translator: Translator;
  /** Tests: a REST client of their own. */
  rest?: REST;
  /** The pace of this sender's requests (its share of Discord's 50/s, which the bot's replies share too). */
  requestsPerSecond?: number;
}): Notifier & { rest: REST } {
  // Discord's global limit (50/s) is per bot token, counted over a sliding second. REST's own limiter sends its
  // allowance at once each second, and a burst that straddles Discord's window draws 429s; evenly spaced
  // requests just under the limit draw none (bench:notify). The bot's own requests keep the remainder.
  const pace = createEvenPacer(opts.requestsPerSecond ?? DM_REQUESTS_PER_SECOND);
  const rest = opts.rest ?? new REST({ api: opts.apiRoot, makeRequest: pacedFetch(pace) }).setToken(opts.token);

  const openDm = async (discordId: string): Promise<string> => {
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: discordId } })) as { id: string };
    return channel.id;
  };
  const send = async (channelId: string, message: NotificationMessage, to: Recipient) => {
    const t = opts.translator.forLocale(to.locale);
    return rest.post(Routes.channelMessages(channelId), {
      body: { embeds: [notificationEmbed(message, notificationText(message, t))], allowed_mentions: { parse: [] } },
    });
  };

  return {
    transport: "discord",
    rest,
    async deliver(to, message): Promise<DeliveryResult> {
      if (!to.discordId) return { outcome: "unreachable" };
      let channelId = to.discordDmChannelId;
      try {
        if (!channelId) channelId = await openDm(to.discordId);
        try {
          await send(channelId, message, to);
        } catch (err) {
          // A kept DM channel that Discord no longer knows: open it again, once.
          if (!(err instanceof DiscordAPIError && GONE.has(Number(err.code))) || !to.discordDmChannelId) throw err;
          channelId = await openDm(to.discordId);
          await send(channelId, message, to);
        }
        return { outcome: "sent", discordDmChannelId: channelId };
      } catch (err) {
        if (err instanceof DiscordAPIError && UNREACHABLE.has(Number(err.code))) return { outcome: "unreachable" };
        throw err;
      }
    },
  };
}
