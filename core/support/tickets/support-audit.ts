import type { Prisma } from "../../../generated/prisma/client.ts";
import type { AdminActor } from "../../admin/audit.ts";

/** The audit row of an admin's support action, written in the action's own transaction. */
export async function auditSupport(
  tx: Prisma.TransactionClient,
  who: AdminActor,
  entry: { action: string; userId?: string | null; details: Record<string, unknown> },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actor: who.actor,
      ip: who.ip,
      action: entry.action,
      userId: entry.userId ?? null,
      details: JSON.parse(JSON.stringify(entry.details)),
    },
  });
}
