import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";

/**
 * Records that the user accepted `version` of the terms, now, with an audit row. The version is the one the
 * user was shown (it travels in the button): if the terms changed since, they have not read these, and are
 * asked again (CONFLICT, worded "terms-changed").
 */
export async function acceptTerms(
  input: { userId: string; version: string },
  deps: { db: DbClient; clock: Clock; terms: { version: string } },
): Promise<{ version: string; acceptedAt: Date }> {
  if (input.version !== deps.terms.version) {
    throw new AppError("CONFLICT", "the terms changed since they were shown", {
      details: { wording: "terms-changed" },
    });
  }
  const acceptedAt = deps.clock.now();
  await deps.db.$transaction([
    deps.db.user.update({
      where: { id: input.userId },
      data: { termsVersion: input.version, termsAcceptedAt: acceptedAt },
    }),
    deps.db.auditLog.create({
      data: {
        userId: input.userId,
        actor: `user:${input.userId}`,
        action: "terms.accepted",
        details: { version: input.version },
      },
    }),
  ]);
  return { version: input.version, acceptedAt };
}
