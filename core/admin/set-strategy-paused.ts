import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import { type AdminActor, writeAdminAudit } from "./audit.ts";

/** A paused strategy's signals are recorded but not fanned out (core/copying/fan-out-signal.ts). Audited. */
export async function setStrategyPaused(
  input: { strategyId: string; paused: boolean },
  deps: { db: DbClient; who: AdminActor },
): Promise<void> {
  const { count } = await deps.db.strategy.updateMany({
    where: { id: input.strategyId },
    data: { pausedAt: input.paused ? new Date() : null },
  });
  if (!count) throw new AppError("NOT_FOUND", `strategy ${input.strategyId} does not exist`);
  await writeAdminAudit(
    {
      action: input.paused ? "admin.strategy.paused" : "admin.strategy.resumed",
      details: { strategyId: input.strategyId },
    },
    deps,
  );
}
