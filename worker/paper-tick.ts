import type { Logger } from "pino";
import type { PaperPrices } from "../core/exchange/paper/paper-prices.ts";
import { triggerPaperOrders } from "../core/exchange/paper/trigger-paper-orders.ts";
import type { DbClient } from "../core/platform/db-client.ts";
import { setReconcileDue } from "../core/trades/reconcile-due-accounts.ts";
import { type Periodic, runEvery } from "./run-every.ts";

/**
 * Paper accounts' resting TP/SL trigger when the price crosses them, checked every `tickMs`; the accounts whose
 * positions moved are reconciled at once, so their trades close (and their followers hear of it) right away.
 */
export function startPaperTick(deps: { db: DbClient; prices: PaperPrices; logger: Logger; tickMs: number }): Periodic {
  return runEvery(
    "paper tick",
    deps.tickMs,
    async () => {
      const result = await triggerPaperOrders(deps);
      if (!result.triggered) return;
      await setReconcileDue(deps.db, result.accountIds, new Date());
      deps.logger.info(result, "paper orders triggered");
    },
    deps.logger,
  );
}
