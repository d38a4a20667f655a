import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../db.ts";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/start-fake-telegram.ts";
import { freePort, type Proc, startEntry } from "../processes.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

// Webhook mode in the split deployment: Telegram POSTs to `npm run api`, which queues the update; `npm run bot`
// registered the webhook and handles what the API queued. Two processes, as an operator runs them.
describe("telegram webhook with npm run api and npm run bot apart", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let tg: FakeTelegram;
  let redis: Redis;
  const procs: Proc[] = [];
  const prefix = `mimic-test-${randomBytes(4).toString("hex")}`;
  const secret = randomBytes(24).toString("base64url");
  const path = `/telegram/${randomBytes(8).toString("hex")}`;
  let webhookUrl = "";

  beforeAll(async () => {
    [testDb, tg] = await Promise.all([createTestDatabase(), startFakeTelegram()]);
    redis = new Redis(REDIS_URL);
    const port = await freePort();
    webhookUrl = `http://127.0.0.1:${port}${path}`;
    const env = {
      NODE_ENV: "production",
      DATABASE_URL: testDb.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      MASTER_KEY: randomBytes(32).toString("base64"),
      ADMIN_TOKEN: randomBytes(24).toString("base64url"),
      PORT: String(port),
      HOST: "127.0.0.1",
      TELEGRAM_WEBHOOK_URL: webhookUrl,
      TELEGRAM_WEBHOOK_SECRET: secret,
    };
    // The API gets no bot token: it only checks the secret and queues.
    procs.push(
      startEntry("api/main.ts", env),
      startEntry("bots/telegram/main.ts", {
        ...env,
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        TELEGRAM_NOTIFY_SWEEP_MS: "0",
      }),
    );
    await Promise.all([procs[0]?.waitFor(/api is up/), procs[1]?.waitFor(/telegram bot is up/, 60_000)]);
  }, 90_000);

  afterAll(async () => {
    const codes = await Promise.all(procs.map((p) => p.stop()));
    // DEBUG_PROCS=1 prints what the two processes logged, which a failing assertion here does not show.
    if (process.env.DEBUG_PROCS) for (const p of procs) console.log(p.output());
    if (redis) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    await tg?.close();
    await testDb?.drop();
    expect(codes).toEqual([0, 0]);
  }, 60_000);

  const update = (updateId: number, chatId: number, text: string) => ({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: "Bob" },
      from: { id: chatId, is_bot: false, first_name: "Bob" },
      text,
      entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]?.length ?? 0 }],
    },
  });
  const post = (body: unknown, token?: string) =>
    fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token && { "x-telegram-bot-api-secret-token": token }) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const queued = async (updateId: number) => (await redis.exists(`${prefix}:telegram-update:tgupd_${updateId}`)) === 1;

  it("the bot registered the API's URL with the secret, and does not poll", () => {
    expect(procs[1]?.output()).toMatch(/"mode":"webhook"/);
    expect(tg.state.webhook).toBe(webhookUrl);
    expect(tg.state.webhookSecret).toBe(secret);
    expect(tg.state.calls.filter((c) => c.method === "getUpdates")).toEqual([]);
  });

  it("refuses a wrong or missing secret with 401 and queues nothing", async () => {
    const wrong = await post(update(50, 9002, "/start"), `${secret.slice(1)}x`);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    expect((await post(update(51, 9002, "/start"))).status).toBe(401);
    expect(await queued(50)).toBe(false);
    expect(await queued(51)).toBe(false);
  });

  it("refuses what is not an update with 400 and queues nothing", async () => {
    for (const body of ["{not json", [1, 2], { message: { text: "/start" } }, { update_id: "60" }, { update_id: -1 }]) {
      const res = await post(body, secret);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await queued(60)).toBe(false);
  });

  it("an update reaches the bot through the queue, once even when Telegram delivers it twice", async () => {
    const first = await post(update(100, 9001, "/start"), secret);
    expect(first.status).toBe(200);
    expect((await post(update(100, 9001, "/start"), secret)).status).toBe(200);
    const welcome = await tg.waitFor((m) => m.chatId === 9001, { timeoutMs: 15_000 });
    expect(welcome.text).toMatch(/Welcome to Mimic/);
    // One chat's updates are handled in order, so once /help is answered a second /start would have been too.
    expect((await post(update(101, 9001, "/help"), secret)).status).toBe(200);
    const help = await tg.waitFor((m) => m.chatId === 9001 && m !== welcome, { timeoutMs: 15_000 });
    expect(tg.messagesTo(9001)).toEqual([welcome, help]);
    expect(help.text).not.toMatch(/Welcome to Mimic/);
    expect(await testDb.db.prisma.user.count({ where: { telegramId: "9001" } })).toBe(1);
    // The refused updates never reached the bot.
    expect(tg.messagesTo(9002)).toEqual([]);
    expect(await testDb.db.prisma.user.count({ where: { telegramId: "9002" } })).toBe(0);
  });

  it("keeps only the id of a handled update in Redis: it may hold a secret typed in /link", async () => {
    const data = async () => JSON.parse((await redis.hget(`${prefix}:telegram-update:tgupd_101`, "data")) ?? "null");
    for (let i = 0; i < 100 && JSON.stringify(await data()).includes("message"); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await data()).toEqual({ update: { update_id: 101 } });
  });
});
