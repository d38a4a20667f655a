import type { Prisma } from "../../generated/prisma/client.ts";
import type { DbClient } from "../platform/db-client.ts";

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit log newest first, a page at a time. Filters follow its indexes: an action (or an action prefix such
 * as "admin." or "panic"), a user, or an actor.
 */
export async function listAudit(
  input: { page?: number; action?: string; userId?: string; actor?: string },
  deps: { db: DbClient },
) {
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const where: Prisma.AuditLogWhereInput = {
    action: input.action ? { startsWith: input.action } : undefined,
    userId: input.userId,
    actor: input.actor ? { startsWith: input.actor } : undefined,
  };
  const rows = await deps.db.auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      at: true,
      actor: true,
      action: true,
      userId: true,
      accountId: true,
      details: true,
      ip: true,
      user: { select: { displayName: true } },
    },
  });
  return { page, hasNext: rows.length > AUDIT_PAGE_SIZE, rows: rows.slice(0, AUDIT_PAGE_SIZE) };
}
