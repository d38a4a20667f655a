import type { AdminActor } from "../../admin/audit.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { auditSupport } from "./support-audit.ts";

/** Closes a ticket; closing a closed one changes nothing (and says so). Audited when it closed something. */
export async function closeTicket(
  input: { ticketId: string },
  deps: { db: DbClient; clock: { now(): Date }; who: AdminActor },
): Promise<{ id: string; status: "closed"; closedAt: Date; alreadyClosed: boolean }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.supportTicket.updateMany({
      where: { id: input.ticketId, status: "open" },
      data: { status: "closed", closedAt: now },
    });
    const t = await tx.supportTicket.findUnique({
      where: { id: input.ticketId },
      select: { closedAt: true, userId: true },
    });
    if (!t) throw new AppError("NOT_FOUND", "no such ticket");
    if (count) {
      await auditSupport(tx, deps.who, {
        action: "support.closed",
        userId: t.userId,
        details: { ticketId: input.ticketId },
      });
    }
    return { id: input.ticketId, status: "closed" as const, closedAt: t.closedAt ?? now, alreadyClosed: count === 0 };
  });
}
