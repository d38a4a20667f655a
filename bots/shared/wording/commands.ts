import type { T } from "./translator.ts";

/**
 * The commands, in menu order, with their descriptions from the wording ("help-command-<name>"). Every transport
 * registers its menu from this list; a transport without a command leaves it out (`only`).
 */
export const COMMAND_NAMES = [
  "start",
  "help",
  "link",
  "accounts",
  "strategies",
  "plans",
  "subscribe",
  "unsubscribe",
  "settings",
  "positions",
  "balance",
  "pnl",
  "me",
  "achievements",
  "leaderboard",
  "tournament",
  "vote",
  "propose",
  "2fa",
  "panic",
  "connect",
  "referral",
  "payout",
  "banner",
  "support",
  "ticket",
  "terms",
  "cancel",
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

export function commandList(t: T, only?: readonly string[]): { command: string; description: string }[] {
  return COMMAND_NAMES.filter((c) => !only || only.includes(c)).map((command) => ({
    command,
    description: t(`help-command-${command}`),
  }));
}

/** /help: every command, one line each. */
export function helpText(t: T, only?: readonly string[]): string {
  return commandList(t, only)
    .map((c) => t("help-line", c))
    .join("\n");
}
