import type { CommandModule } from "./command-module.ts";
import type { Caller } from "./handler-input.ts";

/** A command used where it does not work gets told where it does; null where it works. */
export function placeRefusal(command: Pick<CommandModule, "name" | "place">, caller: Caller): string | null {
  if (command.place === "guild" && !caller.guildId) return caller.t("discord-guild-only", { command: command.name });
  if (command.place === "dm" && caller.guildId) return caller.t("common-private-only-dm", { command: command.name });
  return null;
}
