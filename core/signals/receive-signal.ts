import { createHash } from "node:crypto";
import { AppError } from "../platform/errors.ts";
import { parseInput } from "../platform/validation.ts";
import { verifyPassphrase } from "../strategies/passphrase.ts";
import type { StrategyLookup } from "../strategies/strategy-lookup.ts";
import { type AcceptSignalDeps, acceptSignal, type ReceivedSignal } from "./accept-signal.ts";
import { type SignalBody, signalBodySchema } from "./signal-body.ts";
import type { SignalInput } from "./signal-input.ts";

export type { ReceivedSignal } from "./accept-signal.ts";

export interface ReceiveSignalDeps extends AcceptSignalDeps {
  strategies: StrategyLookup;
}

/**
 * Validates a webhook delivery, records the signal exactly once and enqueues its fan-out (`acceptSignal`).
 * Nothing is created unless the strategy exists, the body is well-formed and the passphrase matches.
 */
export async function receiveSignal(
  input: { strategy: string; body: unknown },
  deps: ReceiveSignalDeps,
): Promise<ReceivedSignal> {
  let strategy = await deps.strategies.bySlug(input.strategy);
  if (!strategy) throw new AppError("NOT_FOUND", `strategy "${input.strategy}" does not exist`);

  // The passphrase is checked before the rest of the body, so unauthenticated callers learn nothing else.
  const passphrase = (input.body as { passphrase?: unknown } | null)?.passphrase;
  if (typeof passphrase === "string" && passphrase !== "" && !verifyPassphrase(passphrase, strategy.passphraseHash)) {
    // The cached hash may predate a rotation: look once more before refusing.
    strategy = await deps.strategies.bySlug(input.strategy, { fresh: true });
    if (!strategy || !verifyPassphrase(passphrase, strategy.passphraseHash)) {
      throw new AppError("UNAUTHORIZED", "passphrase does not match this strategy");
    }
  }
  const body = parseInput(signalBodySchema, input.body);
  return acceptSignal({ strategyId: strategy.id, signal: fromBody(body), bodyHash: hashBody(body) }, deps);
}

function fromBody(b: SignalBody): SignalInput {
  return {
    id: b.id,
    action: b.action,
    rawSymbol: b.symbol,
    riskPerc: b.risk_perc,
    leverage: b.leverage,
    tpPerc: b.tp_perc,
    slPerc: b.sl_perc,
    price: b.price,
    qty: b.qty,
    maxSlippagePerc: b.max_slippage_perc,
    takeProfits: b.take_profits,
    trailing: b.trailing,
  };
}

function hashBody(body: SignalBody): string {
  const { passphrase: _omit, ...rest } = body;
  const canonical = JSON.stringify(
    Object.keys(rest)
      .sort()
      .map((k) => [k, rest[k as keyof typeof rest]]),
  );
  return createHash("sha256").update(canonical).digest("hex");
}
