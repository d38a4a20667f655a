import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import { isNotFound, isUniqueViolation } from "../platform/prisma-errors.ts";
import { generatePassphrase, hashPassphrase } from "./passphrase.ts";
import { checkOwner, type StrategySettings } from "./update-strategy.ts";

export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
}

/** Creates a strategy; the passphrase is returned this once and only its hash is kept. */
export async function createStrategy(
  input: { name: string; slug?: string } & Omit<StrategySettings, "name">,
  deps: { db: DbClient },
): Promise<{ id: string; slug: string; passphrase: string; ownerUserId: string | null }> {
  const slug = input.slug ?? slugify(input.name);
  if (!/^[a-z0-9][a-z0-9-]{0,47}$/.test(slug)) {
    throw new AppError("BAD_REQUEST", "slug: use 1-48 lowercase letters, digits and dashes", {
      details: { field: "slug" },
    });
  }
  await checkOwner(input.ownerUserId, deps);
  const passphrase = generatePassphrase();
  try {
    const strategy = await deps.db.strategy.create({
      data: {
        name: input.name,
        slug,
        passphraseHash: hashPassphrase(passphrase),
        maxSignalAgeSec: input.maxSignalAgeSec,
        ownerUserId: input.ownerUserId,
        subscriberRoleId: input.subscriberRoleId,
        subscriberRoleGuildId: input.subscriberRoleGuildId,
      },
      select: { id: true, slug: true, ownerUserId: true },
    });
    return { ...strategy, passphrase };
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError("CONFLICT", `slug: "${slug}" is taken`, { details: { field: "slug" } });
    throw err;
  }
}

/** Issues a new passphrase; the old one stops working at once here, and within seconds on other API processes. */
export async function rotatePassphrase(
  input: { strategyId: string },
  deps: { db: DbClient },
): Promise<{ slug: string; passphrase: string }> {
  const passphrase = generatePassphrase();
  try {
    const { slug } = await deps.db.strategy.update({
      where: { id: input.strategyId },
      data: { passphraseHash: hashPassphrase(passphrase) },
      select: { slug: true },
    });
    return { slug, passphrase };
  } catch (err) {
    if (isNotFound(err)) throw new AppError("NOT_FOUND", `strategy ${input.strategyId} does not exist`);
    throw err;
  }
}
