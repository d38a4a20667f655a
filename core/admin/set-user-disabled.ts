import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import { type AdminActor, writeAdminAudit } from "./audit.ts";

/**
 * Disabling a user pauses every live subscription of theirs and makes their bots answer that the account is
 * disabled (core/accounts/user-disabled.ts). Enabling lifts that; the subscriptions stay paused until resumed, so
 * nothing starts trading again by surprise. Audited either way, with the subscriptions it paused.
 */
export async function setUserDisabled(
  input: { userId: string; disabled: boolean },
  deps: { db: DbClient; who: AdminActor },
): Promise<void> {
  const paused = await deps.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new AppError("NOT_FOUND", `user ${input.userId} does not exist`);
    await tx.user.update({
      where: { id: input.userId },
      data: { disabledAt: input.disabled ? new Date() : null },
    });
    if (!input.disabled) return [];
    const active = await tx.subscription.findMany({
      where: { status: "active", account: { userId: input.userId } },
      select: { id: true },
    });
    await tx.subscription.updateMany({
      where: { id: { in: active.map((s) => s.id) } },
      data: { status: "paused" },
    });
    return active.map((s) => s.id);
  });
  await writeAdminAudit(
    {
      action: input.disabled ? "admin.user.disabled" : "admin.user.enabled",
      userId: input.userId,
      details: input.disabled ? { pausedSubscriptions: paused } : undefined,
    },
    deps,
  );
}
