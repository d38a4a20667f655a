import type { Prisma } from "../../../generated/prisma/client.ts";
import type { DbClient } from "../../platform/db-client.ts";

type Writer = DbClient | Prisma.TransactionClient;

/** One audit row per governance event (issue 17: every proposal, approval, vote change and result). */
export async function auditGovernance(
  db: Writer,
  entry: {
    actor: string;
    action: string;
    userId?: string | null;
    ip?: string | null;
    details: Record<string, unknown>;
  },
): Promise<void> {
  await db.auditLog.create({
    data: {
      actor: entry.actor,
      action: entry.action,
      userId: entry.userId ?? null,
      ip: entry.ip ?? null,
      details: JSON.parse(JSON.stringify(entry.details)),
    },
  });
}
