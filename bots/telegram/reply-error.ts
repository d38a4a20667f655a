import { type AppError, toAppError } from "../../core/platform/errors.ts";

/** AppError → what the user reads. Internal details stay in the log. */
export function errorReply(err: unknown): string {
  const e: AppError = toAppError(err);
  switch (e.code) {
    case "BAD_REQUEST":
    case "NOT_FOUND":
    case "CONFLICT":
    case "FORBIDDEN":
    case "UNAUTHORIZED":
      return `${capitalise(e.message.replace(/^[\w.]+: /, ""))}.`;
    case "LOCKED": {
      const until = typeof e.details?.until === "string" ? new Date(e.details.until) : undefined;
      return `Too many wrong codes. This is locked until ${until ? `${until.toISOString().slice(11, 16)} UTC` : "later"}; nothing was changed.`;
    }
    case "INVALID_KEY":
      return "The exchange refused these API keys (wrong key or secret, or the key is disabled). Nothing was saved. Check them and send /link again.";
    case "KEY_CAN_WITHDRAW":
      return "This API key is allowed to withdraw funds, so Mimic will not store it: a leaked key like that could empty your account. Create a new key with trading enabled and withdrawals OFF, then send /link again. Nothing was saved.";
    case "RATE_LIMITED":
    case "EXCHANGE_UNAVAILABLE":
    case "EXCHANGE_UNCERTAIN":
      return "The exchange did not answer in time. Nothing was changed; please try again in a minute.";
    default:
      return "Something went wrong on our side. Nothing was changed; please try again later.";
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
