// One error type for the whole product. Transports translate `code` at the edge:
// HTTP status in api/, a chat reply in bots/, UnrecoverableError vs retry in worker/.
export const errorCodes = {
  BAD_REQUEST: { status: 400, retryable: false },
  UNAUTHORIZED: { status: 401, retryable: false },
  NOT_FOUND: { status: 404, retryable: false },
  FORBIDDEN: { status: 403, retryable: false },
  CONFLICT: { status: 409, retryable: false },
  // Too many wrong codes: the action is refused until the lock expires (details.until).
  LOCKED: { status: 423, retryable: false },
  // A caller past a limit of ours (failed webhook passphrases, logins): retryAfterMs says when to come back.
  TOO_MANY_REQUESTS: { status: 429, retryable: false },
  PAYLOAD_TOO_LARGE: { status: 413, retryable: false },
  CONFIG_INVALID: { status: 500, retryable: false },
  // Exchange outcomes, mapped from ccxt's error classes.
  INSUFFICIENT_MARGIN: { status: 422, retryable: false },
  BELOW_MINIMUM: { status: 422, retryable: false },
  UNKNOWN_MARKET: { status: 422, retryable: false },
  INVALID_KEY: { status: 422, retryable: false },
  // The account is in hedge (dual-side) position mode: Mimic trades one-way accounts only.
  POSITION_MODE: { status: 422, retryable: false },
  // The API key may withdraw funds: Mimic only accepts trade-only keys.
  KEY_CAN_WITHDRAW: { status: 422, retryable: false },
  ORDER_REJECTED: { status: 422, retryable: false },
  // The exchange ended an order without filling any of it (expired, cancelled, or rejected after acceptance).
  ORDER_EXPIRED: { status: 422, retryable: false },
  // A take-profit or stop-loss whose trigger the price has already crossed (Binance -2021, Bybit 110092/110093).
  WOULD_TRIGGER: { status: 422, retryable: false },
  NO_PRICE: { status: 422, retryable: false },
  RATE_LIMITED: { status: 503, retryable: true },
  EXCHANGE_UNAVAILABLE: { status: 503, retryable: true },
  // The request may or may not have reached the exchange: look the order up before re-sending.
  EXCHANGE_UNCERTAIN: { status: 503, retryable: true },
  // The exchange took a market order but has not filled it yet: look again shortly.
  ORDER_PENDING: { status: 503, retryable: true },
  INTERNAL: { status: 500, retryable: true },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  /** For RATE_LIMITED: the earliest moment another request may be sent. */
  readonly retryAfterMs?: number;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { cause?: unknown; details?: Record<string, unknown>; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.details = opts.details;
    this.retryAfterMs = opts.retryAfterMs;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }

  get retryable(): boolean {
    return errorCodes[this.code].retryable;
  }
}

export function isAppError(err: unknown, code?: ErrorCode): err is AppError {
  return err instanceof AppError && (code === undefined || err.code === code);
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AppError("INTERNAL", message, { cause: err });
}
