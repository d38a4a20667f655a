import { AppError } from "../platform/errors.ts";

/** Why a chat refuses everything: the bots turn this into their "account disabled" answer. */
export const USER_DISABLED = "user_disabled";

/**
 * The one check both bots make on every update or interaction, with the user they just looked up: an operator
 * disabled this user on the admin page, so nothing they ask is done.
 */
export function assertUserEnabled(user: { disabledAt: Date | null }): void {
  if (user.disabledAt) {
    throw new AppError("FORBIDDEN", "this account is disabled", { details: { reason: USER_DISABLED } });
  }
}

export function isUserDisabledError(err: unknown): boolean {
  return err instanceof AppError && err.details?.reason === USER_DISABLED;
}
