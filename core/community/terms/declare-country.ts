import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { type Country, countryByCode } from "./countries.ts";

/**
 * Records the user's country of residence (ISO 3166-1 alpha-2), now, with an audit row naming the previous one:
 * a correction is allowed, and every declaration stays on record for the admins.
 */
export async function declareCountry(
  input: { userId: string; country: string },
  deps: { db: DbClient; clock: Clock },
): Promise<Country> {
  const country = countryByCode(input.country);
  if (!country) {
    throw new AppError("BAD_REQUEST", `not an ISO 3166-1 country code: ${input.country}`, {
      details: { wording: "terms-country-unknown" },
    });
  }
  const declaredAt = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { country: true } });
    await tx.user.update({
      where: { id: input.userId },
      data: { country: country.code, countryDeclaredAt: declaredAt },
    });
    await tx.auditLog.create({
      data: {
        userId: input.userId,
        actor: `user:${input.userId}`,
        action: "country.declared",
        details: { country: country.code, previous: before.country },
      },
    });
  });
  return country;
}
