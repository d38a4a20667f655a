import { type ReconcileDeps, reconcileDueAccounts, scheduleAccounts } from "../core/trades/reconcile-due-accounts.ts";
import { type Periodic, runEvery } from "./run-every.ts";

// Accounts taken per round and reconciled at once by this worker; each costs about one exchange request.
export const ROUND_LIMIT = 2_000;
export const RECONCILE_CONCURRENCY = 32;

/**
 * The reconciliation loop: each account with open trades has its turn once per `intervalMs`, at its own point of
 * the interval; each round (a tenth of the interval, at most a second) takes the accounts whose turn has come.
 * Any number of workers may run it: accounts are claimed with SKIP LOCKED.
 */
export function startReconcileLoop(deps: ReconcileDeps & { intervalMs: number }): Periodic {
  const tickMs = Math.max(50, Math.min(1_000, Math.floor(deps.intervalMs / 10)));
  let lastScheduled = 0;
  return runEvery(
    "reconciliation",
    deps.intervalMs > 0 ? tickMs : 0,
    async () => {
      const now = deps.now().getTime();
      // New trades' accounts get their place in the interval twice an interval; cheap, one statement.
      if (now - lastScheduled >= deps.intervalMs / 2) {
        lastScheduled = now;
        await scheduleAccounts(deps, deps.intervalMs);
      }
      const round = await reconcileDueAccounts(deps, {
        intervalMs: deps.intervalMs,
        limit: ROUND_LIMIT,
        concurrency: RECONCILE_CONCURRENCY,
      });
      if (round.changed || round.failed) deps.logger.info(round, "reconciliation round");
    },
    deps.logger,
  );
}
