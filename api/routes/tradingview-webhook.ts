import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../core/platform/errors.ts";
import { receiveSignal } from "../../core/signals/receive-signal.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";

export const WEBHOOK_BODY_LIMIT = 64 * 1024;

export function tradingviewWebhookRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post(
    "/webhooks/tradingview/:strategy",
    bodyLimit({
      maxSize: WEBHOOK_BODY_LIMIT,
      onError: () => {
        throw new AppError("PAYLOAD_TOO_LARGE", "body: larger than 64 KiB");
      },
    }),
    async (c) => {
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
        { strategy: c.req.param("strategy"), body },
        { ...deps, logger: c.get("logger") },
      );
      // The signal is durable now, so the provider hears back without waiting for the queue.
      deps.background.track(queued);
      return c.json({ signalId, duplicate }, 202);
    },
  );
}
