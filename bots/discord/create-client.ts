import { Client, GatewayIntentBits, Partials } from "discord.js";

/**
 * The gateway client. `apiRoot` is Discord's REST base (DISCORD_API_ROOT): discord.js asks its
 * `GET /gateway/bot` for the gateway URL, so a proxy or a test's fake Discord serves both.
 * MessageContent is a privileged intent (enable it in the developer portal): signal channels read posts.
 */
export function createClient(opts: { apiRoot: string }): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
      GatewayIntentBits.DirectMessages,
    ],
    // DM channels are not cached before their first event: without the partial their messages never arrive.
    partials: [Partials.Channel, Partials.Message],
    rest: { api: opts.apiRoot },
    // Nothing the bot sends may ping anyone unless a message says so itself.
    allowedMentions: { parse: [] },
  });
}
