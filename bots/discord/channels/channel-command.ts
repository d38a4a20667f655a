import { z } from "zod";
import { bindChannel } from "../../../core/channels/bind-channel.ts";
import { bindCommunityChannel, unbindCommunityChannel } from "../../../core/channels/community-channel.ts";
import { unbindChannel } from "../../../core/channels/unbind-channel.ts";
import { isAppError } from "../../../core/platform/errors.ts";
import { suggest } from "../commands/pick.ts";
import type { CommandModule } from "../kit/command-module.ts";
import type { CommandInput, Responder } from "../kit/handler-input.ts";
import { parseOptions } from "../kit/options.ts";
import { bindableStrategies } from "./bindable-strategies.ts";
import { sourceChannelsOf } from "./source-channels.ts";

const options = z.object({
  strategy: z.string().trim().min(1).max(64).optional(),
  poster: z.string().trim().min(1).max(100).optional(),
});

/**
 * /channel publish strategy:<slug> | source strategy:<slug> poster:<id or mention> | unbind: binds the channel
 * the command is used in (core decides who may: the strategy's owner with Manage Server, or a Mimic admin, and
 * says why not). Every answer is private; a refusal binds nothing.
 */
export const channelCommand: CommandModule = {
  name: "channel",
  place: "guild",
  description: "channels-command",
  build: (b, { text }) =>
    b
      .addSubcommand((s) =>
        text
          .describe(s.setName("publish"), "channels-publish")
          .addStringOption((o) =>
            text.describe(
              o.setName("strategy").setRequired(true).setAutocomplete(true).setMaxLength(64),
              "channels-option-strategy",
            ),
          ),
      )
      .addSubcommand((s) =>
        text
          .describe(s.setName("source"), "channels-source")
          .addStringOption((o) =>
            text.describe(
              o.setName("strategy").setRequired(true).setAutocomplete(true).setMaxLength(64),
              "channels-option-strategy",
            ),
          )
          .addStringOption((o) =>
            text.describe(o.setName("poster").setRequired(true).setMaxLength(100), "channels-option-poster"),
          ),
      )
      .addSubcommand((s) => text.describe(s.setName("governance"), "channels-governance"))
      .addSubcommand((s) => text.describe(s.setName("unbind"), "channels-unbind")),

  async run(input, res, deps) {
    const { t } = input;
    // place "guild" already refused DMs; a guild without a channel id is not something Discord sends.
    if (!input.guildId || !input.channelId)
      return void (await res.reply({ text: t("discord-guild-only", { command: "channel" }) }));
    const where = { guildId: input.guildId, channelId: input.channelId };
    const actor = { discordId: input.discordUserId, canManageGuild: input.canManageGuild };
    const core = { db: deps.db, adminDiscordIds: deps.adminIds, sourceBindings: sourceChannelsOf(deps.db) };

    if (input.subcommand === "unbind") {
      const { removed: strategyBindings, bindings } = await unbindChannel({ ...where, actor }, core);
      const governance = await unbindCommunityChannel({ channelId: where.channelId, actor }, core);
      const removed = strategyBindings + governance;
      input.log.info({ ...where, removed }, "channel unbound");
      const list = [
        ...bindings.map((b) => t("channels-binding", { kind: b.kind, slug: b.strategySlug })),
        ...(governance ? ["governance"] : []),
      ].join(", ");
      return void (await res.reply({
        text: removed ? t("channels-unbound", { count: removed, bindings: list }) : t("channels-unbound-none"),
      }));
    }
    if (input.subcommand === "governance") {
      const { created } = await bindCommunityChannel({ ...where, actor }, core);
      input.log.info({ ...where, created }, "governance channel bound");
      return void (await res.reply({ text: t("governance-channel-bound") }));
    }
    if (input.subcommand !== "publish" && input.subcommand !== "source") {
      return void (await res.reply({ text: t("channels-unknown-subcommand") }));
    }
    await bind(input.subcommand, input, res, { ...where, actor, core });
  },

  async autocomplete(input, deps) {
    const strategies = await bindableStrategies(input, deps);
    return suggest(strategies, input.focused.value, (s) => `${s.name} ${s.slug}`).map((s) => ({
      name: `${s.name} (${s.slug})`,
      value: s.slug,
    }));
  },
};

async function bind(
  kind: "publish" | "source",
  input: CommandInput,
  res: Responder,
  ctx: {
    guildId: string;
    channelId: string;
    actor: { discordId: string; canManageGuild: boolean };
    core: Parameters<typeof bindChannel>[1];
  },
): Promise<void> {
  const { t } = input;
  const opts = parseOptions(options, input);
  const strategySlug = opts.strategy ?? "";
  try {
    const { binding, created } = await bindChannel(
      { kind, strategySlug, guildId: ctx.guildId, channelId: ctx.channelId, posterId: opts.poster, actor: ctx.actor },
      ctx.core,
    );
    input.log.info({ kind, channelId: ctx.channelId, strategy: binding.strategy.slug, created }, "channel bound");
    const args = { strategy: binding.strategy.name, slug: binding.strategy.slug };
    if (kind === "publish") {
      return void (await res.reply({ text: t(created ? "channels-published" : "channels-published-again", args) }));
    }
    // A mention renders as the user's name; the id beside it is what counts (and what a webhook shows as).
    const poster = `<@${binding.posterId}> (\`${binding.posterId}\`)`;
    await res.reply({ text: t(created ? "channels-source-bound" : "channels-source-updated", { ...args, poster }) });
  } catch (err) {
    // The only NOT_FOUND binding raises is the strategy's; a bad poster is said in the user's language. The rest
    // (FORBIDDEN with its reason) is answered by the router in core's words.
    if (isAppError(err, "NOT_FOUND")) {
      return void (await res.reply({ text: t("channels-unknown-strategy", { strategy: strategySlug }) }));
    }
    if (isAppError(err, "BAD_REQUEST") && err.details?.field === "poster") {
      return void (await res.reply({ text: t("channels-bad-poster", { poster: opts.poster ?? "" }) }));
    }
    throw err;
  }
}
