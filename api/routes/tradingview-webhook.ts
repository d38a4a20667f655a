import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../core/platform/errors.ts";
import { receiveSignal } from "../../core/signals/receive-signal.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";
import { remoteAddress } from "../remote-address.ts";

export const WEBHOOK_BODY_LIMIT = 64 * 1024;

const tooLarge = () => {
  throw new AppError("PAYLOAD_TOO_LARGE", "body: larger than 64 KiB");
};
const streamingLimit = bodyLimit({ maxSize: WEBHOOK_BODY_LIMIT, onError: tooLarge });

/**
 * A declared length is checked from the header (Node's parser then reads exactly that many bytes). Hono's
 * bodyLimit would first turn the Node request into a web Request with a body stream, and that conversion was
 * an eighth of the API's CPU per webhook; only bodies without a length (chunked) still go through it.
 */
const limitBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const declared = c.req.header("content-length");
  if (declared === undefined || c.req.header("transfer-encoding") !== undefined) return streamingLimit(c, next);
  if (Number.parseInt(declared, 10) > WEBHOOK_BODY_LIMIT) tooLarge();
  await next();
};

export function tradingviewWebhookRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post("/webhooks/tradingview/:strategy", limitBody, async (c) => {
    // TradingView posts JSON as text/plain, so the body is parsed whatever the content type says.
    const text = await c.req.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError("BAD_REQUEST", "body: must be a JSON object", { details: { field: "body" } });
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new AppError("BAD_REQUEST", "body: must be a JSON object", { details: { field: "body" } });
    }
    const { signalId, duplicate, queued } = await receiveSignal(
      { strategy: c.req.param("strategy"), body, sender: remoteAddress(c) },
      { ...deps, logger: c.get("logger") },
    );
    // The signal is durable now, so the provider hears back without waiting for the queue.
    deps.background.track(queued);
    return c.json({ signalId, duplicate }, 202);
  });
}
