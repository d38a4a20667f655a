import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import { type AdminActor, writeAdminAudit } from "./audit.ts";

/** An operator pauses or resumes one subscription. A disabled user's subscriptions stay paused. Audited. */
export async function setSubscriptionStatus(
  input: { subscriptionId: string; status: "active" | "paused" },
  deps: { db: DbClient; who: AdminActor },
): Promise<{ userId: string }> {
  const sub = await deps.db.subscription.findUnique({
    where: { id: input.subscriptionId },
    select: {
      id: true,
      status: true,
      accountId: true,
      account: { select: { userId: true, status: true, user: { select: { disabledAt: true } } } },
    },
  });
  if (!sub || sub.status === "ended") throw new AppError("NOT_FOUND", "that subscription does not exist or has ended");
  const userId = sub.account.userId;
  if (input.status === "active" && sub.account.user.disabledAt) {
    throw new AppError("CONFLICT", "the user is disabled: enable them before resuming a subscription");
  }
  if (input.status === "active" && sub.account.status !== "active") {
    throw new AppError("CONFLICT", `the account is ${sub.account.status}: its subscriptions cannot be resumed`);
  }
  await deps.db.subscription.updateMany({
    where: { id: sub.id, status: { in: ["active", "paused"] } },
    data: { status: input.status },
  });
  await writeAdminAudit(
    {
      action: input.status === "paused" ? "admin.subscription.paused" : "admin.subscription.resumed",
      userId,
      accountId: sub.accountId,
      details: { subscriptionId: sub.id, from: sub.status },
    },
    deps,
  );
  return { userId };
}
