import { AppError } from "../platform/errors.ts";
import { verifyPassphrase } from "./passphrase.ts";
import type { StrategyAuth, StrategyLookup } from "./strategy-lookup.ts";
import type { WebhookGuard } from "./webhook-guard.ts";

const tooMany = () =>
  new AppError("TOO_MANY_REQUESTS", "too many failed attempts: try again in a minute", { retryAfterMs: 60_000 });

/**
 * The strategy a webhook delivery names, if its passphrase is right. Unauthenticated traffic costs no database
 * read per delivery: unknown slugs are cached too, a wrong passphrase re-reads the strategy at most once a second,
 * and a sender past `guard`'s limit of failures is answered 429 without a re-read. A right passphrase is
 * accepted whatever the sender's failures (TradingView's senders are shared by all its users).
 * A missing passphrase is left to the body's schema, which refuses it with the field's name.
 */
export async function authenticateWebhook(
  input: { slug: string; passphrase: unknown; sender?: string },
  deps: { strategies: StrategyLookup; guard?: WebhookGuard },
): Promise<StrategyAuth> {
  const { strategies, guard } = deps;
  // Unknown slugs are counted per sender, not refused before the look-up: a sender shared with a prober (every
  // TradingView alert comes from a few addresses) must still reach a strategy the cache does not hold yet.
  const unknownKey = `unknown|${input.sender ?? "?"}`;
  let strategy = await strategies.bySlug(input.slug);
  if (!strategy) {
    if (guard?.blocked(unknownKey)) throw tooMany();
    guard?.failed(unknownKey);
    throw new AppError("NOT_FOUND", `strategy "${input.slug}" does not exist`);
  }
  const { passphrase } = input;
  if (typeof passphrase !== "string" || passphrase === "" || verifyPassphrase(passphrase, strategy.passphraseHash)) {
    return strategy;
  }
  const key = `${strategy.id}|${input.sender ?? "?"}`;
  if (guard?.blocked(key)) throw tooMany();
  // The cached hash may predate a rotation made through another process.
  strategy = await strategies.recheck(input.slug);
  if (!strategy || !verifyPassphrase(passphrase, strategy.passphraseHash)) {
    // Looked at again: concurrent deliveries from the sender may have reached the limit during the re-read.
    if (guard?.blocked(key)) throw tooMany();
    guard?.failed(key);
    throw new AppError("UNAUTHORIZED", "passphrase does not match this strategy");
  }
  return strategy;
}
