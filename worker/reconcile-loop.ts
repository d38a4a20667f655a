import { processMetrics } from "../core/platform/metrics.ts";
import { type ReconcileDeps, reconcileDueAccounts, scheduleAccounts } from "../core/trades/reconcile-due-accounts.ts";
import { type Periodic, runEvery } from "./run-every.ts";

// Accounts taken per round and reconciled at once by this worker; each costs about one exchange request. Rounds
// are small so that a fan-out starting meanwhile waits for at most one of them.
export const ROUND_LIMIT = 128;
export const RECONCILE_CONCURRENCY = 32;

/**
 * The reconciliation loop: each account with open trades has its turn once per `intervalMs`, at its own point of
 * the interval; each tick (a tenth of the interval, at most a second) takes the accounts whose turn has come, round
 * after round while there are more. Copying comes first: while this process places a signal's orders (`busy`),
 * no round starts, and turns wait a tick. Any number of workers may run it: accounts are claimed with SKIP LOCKED.
 */
export function startReconcileLoop(deps: ReconcileDeps & { intervalMs: number; busy?: () => boolean }): Periodic {
  const tickMs = Math.max(50, Math.min(1_000, Math.floor(deps.intervalMs / 10)));
  let lastScheduled = 0;
  return runEvery(
    "reconciliation",
    deps.intervalMs > 0 ? tickMs : 0,
    async () => {
      if (deps.busy?.()) return;
      const started = performance.now();
      let accounts = 0;
      const now = deps.now().getTime();
      // New trades' accounts get their place in the interval twice an interval; cheap, one statement.
      if (now - lastScheduled >= deps.intervalMs / 2) {
        lastScheduled = now;
        await scheduleAccounts(deps, deps.intervalMs);
      }
      while (!deps.busy?.()) {
        const round = await reconcileDueAccounts(deps, {
          intervalMs: deps.intervalMs,
          limit: ROUND_LIMIT,
          concurrency: RECONCILE_CONCURRENCY,
        });
        accounts += round.accounts;
        if (round.changed || round.failed) deps.logger.info(round, "reconciliation round");
        if (round.accounts < ROUND_LIMIT) break;
      }
      processMetrics().reconcileCycle((performance.now() - started) / 1000, accounts);
    },
    deps.logger,
  );
}
