import { isAppError } from "./errors.ts";
import { backoffDelay, type RetryPolicy } from "./jobs.ts";

/** Exponential backoff, but never earlier than an exchange's Retry-After. */
export function retryDelay(policy: RetryPolicy, attemptsMade: number, err: unknown): number {
  const backoff = backoffDelay(policy, attemptsMade);
  const retryAfter = isAppError(err) ? (err.retryAfterMs ?? 0) : 0;
  return Math.max(backoff, retryAfter);
}
