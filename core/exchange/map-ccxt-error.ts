import {
  AuthenticationError,
  BadRequest,
  BadSymbol,
  BaseError,
  DDoSProtection,
  ExchangeNotAvailable,
  InsufficientFunds,
  InvalidNonce,
  InvalidOrder,
  NetworkError,
  OperationFailed,
  OrderNotFound,
  RateLimitExceeded,
} from "ccxt";
import { AppError, type ErrorCode } from "../platform/errors.ts";
import { processMetrics } from "../platform/metrics.ts";
import { retryAfterMsFrom } from "./retry-after.ts";

export interface CcxtErrorContext {
  exchangeId: string;
  /** "createOrder" is special: any doubt about delivery must become EXCHANGE_UNCERTAIN. */
  operation: string;
  /** ccxt's last_response_headers, captured while the instance was still leased to this call. */
  responseHeaders?: Record<string, string>;
  /** The venue's own error codes, which win over ccxt's class (see VenueProfile.errorCodes). */
  venueCodes?: Readonly<Record<string, ErrorCode>>;
  /** Strings that must never appear in the message (API key, secret, password). */
  redact?: ReadonlyArray<string | undefined>;
  now?: number;
}

const BELOW_MINIMUM_TEXT = /notional|lot_size|min_qty|minimum|too small|less than|lower than the min/i;

export function mapCcxtError(err: unknown, ctx: CcxtErrorContext): AppError {
  if (err instanceof AppError) return err;
  const raw = err instanceof Error ? err.message : String(err);
  const message = redact(raw, ctx.redact);
  const exchangeCode = extractExchangeCode(raw);
  const code =
    (exchangeCode !== undefined ? ctx.venueCodes?.[exchangeCode] : undefined) ?? classify(err, ctx.operation);
  const details: Record<string, unknown> = {
    exchange: ctx.exchangeId,
    operation: ctx.operation,
    ccxtError: err instanceof Error ? err.constructor.name : typeof err,
  };
  if (exchangeCode !== undefined) details.exchangeCode = exchangeCode;
  processMetrics().exchangeError(ctx.exchangeId, code);
  const retryAfterMs = code === "RATE_LIMITED" ? retryAfterMsFrom(ctx.responseHeaders, ctx.now) : undefined;
  if (retryAfterMs !== undefined) details.retryAt = (ctx.now ?? Date.now()) + retryAfterMs;
  // No `cause`: ccxt's own error carries the signed request URL, which is not ours to log.
  return new AppError(code, message, { details, retryAfterMs });
}

function classify(err: unknown, operation: string): ErrorCode {
  const creating = operation === "createOrder";
  if (!(err instanceof BaseError)) return "INTERNAL";
  // Subclasses before their parents: RateLimitExceeded and friends all extend NetworkError.
  if (err instanceof RateLimitExceeded || err instanceof DDoSProtection) return "RATE_LIMITED";
  if (err instanceof OrderNotFound) return "NOT_FOUND";
  if (err instanceof InsufficientFunds) return "INSUFFICIENT_MARGIN";
  if (err instanceof BadSymbol) return "UNKNOWN_MARKET";
  if (err instanceof AuthenticationError) return "INVALID_KEY";
  if (err instanceof InvalidOrder) return BELOW_MINIMUM_TEXT.test(err.message) ? "BELOW_MINIMUM" : "ORDER_REJECTED";
  // A clock-skew rejection: the request was refused outright, so nothing can have been placed.
  if (err instanceof InvalidNonce) return "EXCHANGE_UNAVAILABLE";
  // ccxt raises ExchangeNotAvailable for 5xx; a create behind a failing gateway may still have been placed.
  if (err instanceof ExchangeNotAvailable) return creating ? "EXCHANGE_UNCERTAIN" : "EXCHANGE_UNAVAILABLE";
  // Timeouts, resets, refused connections: the request may have reached the exchange.
  if (err instanceof NetworkError) return "EXCHANGE_UNCERTAIN";
  // BadResponse and other "operation failed" answers (e.g. Binance -1006 "execution status unknown").
  if (err instanceof OperationFailed) return creating ? "EXCHANGE_UNCERTAIN" : "EXCHANGE_UNAVAILABLE";
  if (err instanceof BadRequest) return creating ? "ORDER_REJECTED" : "BAD_REQUEST";
  return creating ? "ORDER_REJECTED" : "INTERNAL";
}

/** Binance bodies carry {"code":-2019,...}, Bybit's {"retCode":110007,...}; ccxt quotes the body in its message. */
export function extractExchangeCode(message: string): string | undefined {
  const m = /"(?:code|retCode|ret_code)"\s*:\s*"?(-?\d+)/.exec(message);
  return m?.[1];
}

function redact(message: string, secrets: CcxtErrorContext["redact"]): string {
  let out = message.replace(/([?&](?:signature|sign|api_key|apiKey)=)[^&\s"]*/g, "$1[redacted]");
  for (const s of secrets ?? []) {
    if (s && s.length >= 4) out = out.split(s).join("[redacted]");
  }
  return out;
}
