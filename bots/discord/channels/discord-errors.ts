import { DiscordAPIError } from "discord.js";
import { AppError } from "../../../core/platform/errors.ts";

// Discord's JSON error codes the signal channels act on.
export const DiscordCode = {
  UnknownChannel: 10003,
  UnknownGuild: 10004,
  UnknownMember: 10007,
  UnknownRole: 10011,
  MissingAccess: 50001,
  CannotSendInChannel: 50008,
  MissingPermissions: 50013,
  ThreadArchived: 50083,
} as const;

/** Discord's JSON error code of a failed request; undefined for a network error or a 5xx. */
export function discordCode(err: unknown): number | undefined {
  return err instanceof DiscordAPIError && typeof err.code === "number" ? err.code : undefined;
}

/**
 * A failed channel post for core's publisher: a refusal that will not change by asking again (the channel is
 * gone, the bot may not see or write in it, any other 4xx) becomes a non-retryable AppError, recorded and left;
 * a 5xx or network error stays as it is and is retried. discord.js waits out 429s itself.
 */
export function postError(err: unknown): unknown {
  if (!(err instanceof DiscordAPIError) || err.status >= 500) return err;
  const gone = err.code === DiscordCode.UnknownChannel || err.code === DiscordCode.UnknownGuild;
  return new AppError(gone ? "NOT_FOUND" : "FORBIDDEN", `${err.message} (${err.code})`, { cause: err });
}
