import type { CommandModule } from "../kit/command-module.ts";

/** /help: every command of this bot, one line each, from the same descriptions as the command menu. */
export function helpCommand(commands: () => readonly CommandModule[]): CommandModule {
  return {
    name: "help",
    place: "anywhere",
    description: "help-command-help",
    async run(input, res) {
      const { t } = input;
      const lines = commands().map((c) => t("help-line", { command: c.name, description: t(c.description) }));
      await res.reply({ embeds: [{ title: t("discord-help-title"), description: lines.join("\n"), tone: "info" }] });
    },
  };
}
