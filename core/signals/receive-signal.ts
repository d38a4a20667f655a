import { createHash } from "node:crypto";
import { parseInput } from "../platform/validation.ts";
import { authenticateWebhook } from "../strategies/authenticate-webhook.ts";
import type { StrategyLookup } from "../strategies/strategy-lookup.ts";
import type { WebhookGuard } from "../strategies/webhook-guard.ts";
import { type AcceptSignalDeps, acceptSignal, type ReceivedSignal } from "./accept-signal.ts";
import { type SignalBody, signalBodySchema } from "./signal-body.ts";
import type { SignalInput } from "./signal-input.ts";

export type { ReceivedSignal } from "./accept-signal.ts";

export interface ReceiveSignalDeps extends AcceptSignalDeps {
  strategies: StrategyLookup;
  webhookGuard?: WebhookGuard;
}

/**
 * Validates a webhook delivery, records the signal exactly once and enqueues its fan-out (`acceptSignal`).
 * Nothing is created unless the strategy exists, the body is well-formed and the passphrase matches.
 */
export async function receiveSignal(
  /** `sender`: the connecting address, which failed passphrases are counted by. */
  input: { strategy: string; body: unknown; sender?: string },
  deps: ReceiveSignalDeps,
): Promise<ReceivedSignal> {
  // The passphrase is checked before the rest of the body, so unauthenticated callers learn nothing else.
  const passphrase = (input.body as { passphrase?: unknown } | null)?.passphrase;
  const strategy = await authenticateWebhook(
    { slug: input.strategy, passphrase, sender: input.sender },
    { strategies: deps.strategies, guard: deps.webhookGuard },
  );
  const body = parseInput(signalBodySchema, input.body);
  return acceptSignal(
    { strategyId: strategy.id, strategySlug: strategy.slug, signal: fromBody(body), bodyHash: hashBody(body) },
    deps,
  );
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
    tpPrice: b.tp_price,
    slPrice: b.sl_price,
    sentAt: b.timestamp,
    entries: b.entries,
    entryExpirySec: b.entry_expiry_sec,
    dca: b.dca,
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
