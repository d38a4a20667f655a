// `npm run discord:register`: only syncs the slash commands (one bulk overwrite: in DISCORD_GUILD_ID, else
// globally), without logging in to the gateway. The bot does the same at every start.
import { REST } from "@discordjs/rest";
import { type APIApplication, Routes } from "discord.js";
import { venueProfiles } from "../../core/exchange/venue-profiles.ts";
import { loadEnvOrExit } from "../../core/platform/config.ts";
import { wording } from "../shared/wording/translator.ts";
import { commandDefinitions } from "./command-definitions.ts";
import { registerCommands } from "./register-commands.ts";
import { commands } from "./registry.ts";

const env = loadEnvOrExit(process.env);
if (!env.DISCORD_BOT_TOKEN) {
  console.error("npm run discord:register needs DISCORD_BOT_TOKEN");
  process.exit(1);
}
const rest = new REST({ api: env.DISCORD_API_ROOT }).setToken(env.DISCORD_BOT_TOKEN);
const application = (await rest.get(Routes.currentApplication())) as APIApplication;
const definitions = commandDefinitions(commands, {
  translator: wording(),
  linkableExchanges: ["paper", ...venueProfiles.keys()],
});
const result = await registerCommands(
  { applicationId: application.id, guildId: env.DISCORD_GUILD_ID, definitions },
  { rest },
);
console.log(
  `${result.count} slash commands registered ${result.scope === "guild" ? `in guild ${env.DISCORD_GUILD_ID}` : "globally"}`,
);
// The REST client keeps its connections open; this command is done.
process.exit(0);
