import { createHash } from "node:crypto";
import { type AcceptSignalDeps, acceptSignal, type ReceivedSignal } from "./accept-signal.ts";
import { parseProviderMessage } from "./provider-message.ts";
import type { SignalInput } from "./signal-input.ts";

/**
 * A provider's message in a source channel becomes a signal of the bound strategy, through the webhook's own
 * path (`acceptSignal`): the same exactly-once record and fan-out. Its `signal_id` is the dedupe key, so the
 * same id again (a redelivery, an edit, a repost) is the same signal and `duplicate` says so.
 *
 * The caller has already authenticated the message: it checked that the author (or webhook) is the binding's
 * poster (`findSourceBindings`); there is no passphrase here. A malformed message throws BAD_REQUEST with what
 * is wrong in words for the ❌ reply, and records nothing.
 */
export async function receiveProviderSignal(
  input: { strategyId: string; strategySlug?: string; content: string },
  deps: AcceptSignalDeps,
): Promise<ReceivedSignal> {
  const signal = parseProviderMessage(input.content);
  const { strategyId, strategySlug } = input;
  return acceptSignal({ strategyId, strategySlug, source: "discord", signal, bodyHash: hashSignal(signal) }, deps);
}

function hashSignal(signal: SignalInput): string {
  const canonical = JSON.stringify(
    Object.entries(signal)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
  return createHash("sha256").update(canonical).digest("hex");
}
