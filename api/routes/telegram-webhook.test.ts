import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createRecordingQueue } from "../../test/recording-queue.ts";
import type { AppEnv } from "../app-deps.ts";
import { handleError } from "../error-handler.ts";
import { telegramWebhookRoutes } from "./telegram-webhook.ts";

// The route alone; test/e2e/telegram-webhook-split.test.ts runs it with the bot process behind the queue.
describe("POST <TELEGRAM_WEBHOOK_URL's path> on npm run api", () => {
  const secret = "a-secret-of-sixteen-chars";
  const setup = () => {
    const queue = createRecordingQueue();
    const app = new Hono<AppEnv>()
      .onError(handleError)
      .route("/", telegramWebhookRoutes({ queue, webhook: { path: "/telegram/hook", secret } }));
    const post = (body: string, headers: Record<string, string> = { "x-telegram-bot-api-secret-token": secret }) =>
      app.request("/telegram/hook", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      });
    return { queue, post };
  };
  const update = JSON.stringify({ update_id: 42, message: { text: "/start", chat: { id: 1, type: "private" } } });

  it("queues the whole update under an id named by update_id", async () => {
    const { queue, post } = setup();
    expect((await post(update)).status).toBe(200);
    expect(queue.jobs).toEqual([{ name: "telegram-update", jobId: "tgupd_42", data: { update: JSON.parse(update) } }]);
  });

  it.each([
    ["missing", {}],
    ["wrong", { "x-telegram-bot-api-secret-token": `${secret}x` }],
    ["empty", { "x-telegram-bot-api-secret-token": "" }],
  ])("401 with the secret %s, nothing queued", async (_, headers) => {
    const { queue, post } = setup();
    expect((await post(update, headers)).status).toBe(401);
    expect(queue.jobs).toEqual([]);
  });

  it.each(["", "nope", "[]", "null", '{"update_id":"1"}', '{"update_id":1.5}', '{"message":{}}'])(
    "400 for %j, nothing queued",
    async (body) => {
      const { queue, post } = setup();
      expect((await post(body)).status).toBe(400);
      expect(queue.jobs).toEqual([]);
    },
  );

  it("413 for a body no update is near", async () => {
    const { queue, post } = setup();
    const res = await post(JSON.stringify({ update_id: 1, pad: "x".repeat(1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(queue.jobs).toEqual([]);
  });

  it("500 while the queue is down, so Telegram delivers it again", async () => {
    const { queue, post } = setup();
    queue.down = true;
    expect((await post(update)).status).toBe(500);
  });
});
