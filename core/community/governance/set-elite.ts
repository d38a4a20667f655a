import type { AdminActor } from "../../admin/audit.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { auditGovernance } from "./governance-audit.ts";

/** An admin grants (or revokes) the right to vote and propose, whatever the user's level. */
export async function setElite(
  input: { userId: string; elite: boolean },
  deps: { db: DbClient; who: AdminActor },
): Promise<{ id: string; elite: boolean; level: number }> {
  return deps.db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { elite: true } });
    if (!before) throw new AppError("NOT_FOUND", "no such user");
    const user = await tx.user.update({
      where: { id: input.userId },
      data: { elite: input.elite },
      select: { id: true, elite: true, level: true },
    });
    // A repeated grant is not an event: only a change is audited.
    if (before.elite !== input.elite) {
      await auditGovernance(tx, {
        actor: deps.who.actor,
        ip: deps.who.ip,
        userId: input.userId,
        action: input.elite ? "user.elite_granted" : "user.elite_revoked",
        details: {},
      });
    }
    return user;
  });
}
