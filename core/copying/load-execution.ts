import type { ExecutionLedger, LoadedRow } from "./execution-ledger.ts";
import type { CachedSignal, SignalCache } from "./signal-cache.ts";

export type LoadedExecution = LoadedRow & { signal: CachedSignal };

/** Everything one follower's execution needs: its row (batched with its neighbours') and the shared signal. */
export async function loadExecution(
  deps: { ledger: ExecutionLedger; signals: SignalCache },
  signalId: string,
  subscriptionId: string,
): Promise<LoadedExecution | null> {
  const [row, signal] = await Promise.all([deps.ledger.load(signalId, subscriptionId), deps.signals.get(signalId)]);
  return row && signal ? { ...row, signal } : null;
}
