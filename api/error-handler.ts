import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { toAppError } from "../core/platform/errors.ts";
import type { AppEnv } from "./app-deps.ts";

/** AppError codes become HTTP statuses here and only here. */
export function handleError(err: Error, c: Context<AppEnv>) {
  if (err instanceof HTTPException) {
    return c.json({ error: { code: "HTTP", message: err.message || "request refused" } }, err.status);
  }
  const error = toAppError(err);
  const log = c.get("logger");
  if (error.status >= 500) log?.error({ err: error.message, code: error.code }, "request failed");
  else log?.info({ code: error.code, err: error.message }, "request refused");
  const field = typeof error.details?.field === "string" ? error.details.field : undefined;
  const message = error.status === 500 ? "internal error" : error.message;
  if (error.status === 429 && error.retryAfterMs) c.header("retry-after", String(Math.ceil(error.retryAfterMs / 1000)));
  return c.json(
    { error: { code: error.code, message, ...(field ? { field } : {}) } },
    error.status as ContentfulStatusCode,
  );
}
