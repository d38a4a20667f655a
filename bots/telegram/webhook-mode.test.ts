import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { type FakeTelegram, startFakeTelegram } from "../../test/fake-telegram/start-fake-telegram.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { telegramBotDeps } from "../../test/telegram-bot-deps.ts";
import { type RunningTelegram, startTelegram } from "./start-telegram.ts";

// Webhook mode (TELEGRAM_WEBHOOK_URL): Telegram pushes updates to our route, which must check the secret-token
// header and process a redelivered update once.
describe("telegram webhook mode", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let tg: FakeTelegram;
  let h: Harness;
  let bot: RunningTelegram;
  const secret = "s3cret-token-for-tests";
  const url = "https://mimic.example/telegram/hook";

  beforeAll(async () => {
    testDb = await createTestDatabase();
    tg = await startFakeTelegram();
    h = createHarness({ db: testDb.db });
    bot = await startTelegram(
      { token: tg.token, apiRoot: tg.apiRoot, webhook: { url, secret }, notifySweepMs: 0 },
      telegramBotDeps(h),
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await h?.close();
    await tg?.close();
    await testDb?.drop();
  });

  const update = (updateId: number, text: string) => ({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: 8001, type: "private", first_name: "Bob" },
      from: { id: 8001, is_bot: false, first_name: "Bob" },
      text,
      entities: text.startsWith("/")
        ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]?.length ?? 0 }]
        : [],
    },
  });
  const post = (body: unknown, token?: string) =>
    Promise.resolve(
      bot.webhookRoutes?.request("/telegram/hook", {
        method: "POST",
        headers: { "content-type": "application/json", ...(token && { "x-telegram-bot-api-secret-token": token }) },
        body: JSON.stringify(body),
      }),
    );

  it("registers the webhook with its secret instead of polling", () => {
    expect(bot.mode).toBe("webhook");
    expect(tg.state.webhook).toBe(url);
    expect(tg.state.webhookSecret).toBe(secret);
  });

  it("refuses updates without the secret-token header, and changes nothing", async () => {
    expect((await post(update(1, "/start"), "wrong"))?.status).toBe(401);
    expect((await post(update(2, "/start")))?.status).toBe(401);
    expect(tg.messagesTo(8001)).toHaveLength(0);
    expect(await testDb.db.prisma.user.count({ where: { telegramId: "8001" } })).toBe(0);
  });

  it("handles an update once, even when Telegram delivers it twice", async () => {
    expect((await post(update(10, "/start"), secret))?.status).toBe(200);
    expect((await post(update(10, "/start"), secret))?.status).toBe(200);
    await tg.waitFor((m) => m.chatId === 8001);
    expect(await testDb.db.prisma.user.count({ where: { telegramId: "8001" } })).toBe(1);
    expect(tg.messagesTo(8001)).toHaveLength(1);
  });
});
