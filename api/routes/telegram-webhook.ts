import { createHash, timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../core/platform/errors.ts";
import { jobIds, jobSchemas } from "../../core/platform/jobs.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";
import { readJson } from "../read-json.ts";

// Updates carry at most a few KiB of text and entities; anything far larger is not from Telegram.
const BODY_LIMIT = 1024 * 1024;
const updateJob = jobSchemas["telegram-update"];

// Hashing first gives both sides one length, so the comparison leaks neither the secret nor its length.
const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Telegram's webhook in the split deployment (`npm run api` + `npm run bot`): the API holds no bot, so it checks
 * the secret-token header, queues the update as a "telegram-update" job for the bot process and answers at once.
 * Telegram redelivers what it did not get a 2xx for; the job id makes a redelivery the same job.
 */
export function telegramWebhookRoutes(
  deps: Pick<AppDeps, "queue"> & { webhook: NonNullable<AppDeps["telegramWebhook"]> },
) {
  const expected = digest(deps.webhook.secret);
  return new Hono<AppEnv>().post(
    deps.webhook.path,
    bodyLimit({
      maxSize: BODY_LIMIT,
      onError: () => {
        throw new AppError("PAYLOAD_TOO_LARGE", "body: larger than 1 MiB");
      },
    }),
    async (c) => {
      const given = c.req.header("x-telegram-bot-api-secret-token");
      if (given === undefined || !timingSafeEqual(digest(given), expected)) {
        throw new AppError("UNAUTHORIZED", "X-Telegram-Bot-Api-Secret-Token: missing or wrong");
      }
      const data = updateJob.safeParse({ update: await readJson(c) });
      if (!data.success) {
        throw new AppError("BAD_REQUEST", "body: must be a Telegram update with a numeric update_id", {
          details: { field: "update_id" },
        });
      }
      await deps.queue.add("telegram-update", {
        data: data.data,
        jobId: jobIds.telegramUpdate(data.data.update.update_id),
      });
      return c.json({ ok: true });
    },
  );
}
