import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { applyPlisioCallback } from "../../core/billing/plisio/apply-plisio-callback.ts";
import { AppError } from "../../core/platform/errors.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";

// A callback is a few dozen short fields; anything far larger is not from Plisio.
const BODY_LIMIT = 64 * 1024;

/**
 * Plisio's invoice callbacks (`callback_url={PUBLIC_URL}/webhooks/plisio?json=true`): a JSON body signed by
 * verify_hash. 200 once applied or already applied (Plisio retries anything else); 401 for a bad signature, 404
 * for an order that is not ours.
 */
export function plisioWebhookRoutes(deps: Pick<AppDeps, "db" | "clock" | "plisio">) {
  return new Hono<AppEnv>().post(
    "/webhooks/plisio",
    bodyLimit({
      maxSize: BODY_LIMIT,
      onError: () => {
        throw new AppError("PAYLOAD_TOO_LARGE", "body: larger than 64 KiB");
      },
    }),
    async (c) => {
      let body: unknown;
      try {
        // JSON.parse keeps the fields in the order they came, which the signature is computed over.
        body = JSON.parse(await c.req.text());
      } catch {
        throw new AppError("BAD_REQUEST", "body: must be JSON (callback_url has ?json=true)", {
          details: { field: "body" },
        });
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw new AppError("BAD_REQUEST", "body: must be a JSON object", { details: { field: "body" } });
      }
      const { outcome } = await applyPlisioCallback(body as Record<string, unknown>, {
        db: deps.db,
        clock: deps.clock,
        logger: c.get("logger"),
        secretKey: deps.plisio?.secretKey,
        referrals: deps.plisio?.referrals,
      });
      return c.json({ ok: true, outcome });
    },
  );
}
