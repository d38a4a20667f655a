import type { DbClient } from "../platform/db-client.ts";

/** Who acts on the admin page: the session (never the token) and the address it came from. */
export interface AdminActor {
  /** "admin:<session id>": enough to tell sessions apart in the log, useless to anyone reading it. */
  actor: string;
  ip: string | null;
}

/** One audit row per admin action, written by every action on the admin page. */
export async function writeAdminAudit(
  entry: { action: string; userId?: string | null; accountId?: string | null; details?: Record<string, unknown> },
  deps: { db: DbClient; who: AdminActor },
): Promise<void> {
  await deps.db.auditLog.create({
    data: {
      actor: deps.who.actor,
      ip: deps.who.ip,
      action: entry.action,
      userId: entry.userId ?? null,
      accountId: entry.accountId ?? null,
      details: entry.details === undefined ? undefined : JSON.parse(JSON.stringify(entry.details)),
    },
  });
}
