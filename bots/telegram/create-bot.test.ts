import type { Update } from "grammy/types";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCredentialCipher } from "../../core/accounts/credential-cipher.ts";
import { unknownKeyPermissions } from "../../core/accounts/key-permissions.ts";
import { createExchangeResolver } from "../../core/exchange/exchange-resolver.ts";
import { silentLogger } from "../../core/platform/logger.ts";
import { generateMasterKey } from "../../core/platform/secrets.ts";
import { startTwoFactor } from "../../core/security/two-factor.ts";
import { createTestDatabase } from "../../test/db.ts";
import { createBot } from "./create-bot.ts";

// Handlers through bot.handleUpdate: a preset botInfo, every outbound API call recorded and answered locally.
describe("telegram handlers: bad input gets a clear answer and changes nothing", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let now = Date.now();
  const calls: { method: string; payload: Record<string, unknown> }[] = [];
  let bot: ReturnType<typeof createBot>;
  /** A bot process over the test database; calling it again is a restart (nothing in memory carries over). */
  let makeBot: () => ReturnType<typeof createBot>;
  let updateId = 1;
  let messageId = 1;
  const cipher = createCredentialCipher({ masterKey: generateMasterKey() });
  const from = { id: 4242, is_bot: false, first_name: "Bob" };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const db = testDb.db.prisma;
    const exchanges = createExchangeResolver({
      cipher,
      ccxt: {
        isSupported: () => false,
        forAccount: () => {
          throw new Error("no ccxt here");
        },
      },
      paper: { db },
    });
    makeBot = () => {
      const fresh = createBot({
        token: "1:TEST",
        botInfo: {
          id: 1,
          is_bot: true,
          first_name: "Mimic",
          username: "mimic_bot",
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
          can_connect_to_business: false,
          has_main_web_app: false,
          has_topics_enabled: false,
          allows_users_to_create_topics: false,
          can_manage_bots: false,
          supports_join_request_queries: false,
        },
        deps: {
          db,
          cipher,
          exchanges,
          keyPermissions: unknownKeyPermissions,
          clock: { now: () => new Date(now) },
          logger: silentLogger,
          linkableExchanges: ["paper", "binanceusdm"],
          totpIssuer: "Mimic",
        },
      });
      fresh.api.config.use(async (_prev, method, payload) => {
        calls.push({ method, payload: payload as Record<string, unknown> });
        const result =
          method.startsWith("send") || method === "editMessageText"
            ? {
                message_id: messageId++,
                date: 0,
                chat: { id: (payload as { chat_id: number }).chat_id, type: "private" },
                text: "",
              }
            : true;
        return { ok: true, result } as never;
      });
      return fresh;
    };
    bot = makeBot();
  });
  afterAll(() => testDb?.drop());

  const send = async (
    text: string,
    chat: { id: number; type: "private" | "group" } = { id: from.id, type: "private" },
  ) => {
    const command = /^\/\S+/.exec(text)?.[0];
    const update = {
      update_id: updateId++,
      message: {
        message_id: messageId++,
        date: 0,
        from,
        text,
        chat:
          chat.type === "private"
            ? { id: chat.id, type: "private", first_name: "Bob" }
            : { id: chat.id, type: "group", title: "g" },
        ...(command && { entities: [{ type: "bot_command", offset: 0, length: command.length }] }),
      },
    } as Update;
    const before = calls.length;
    await bot.handleUpdate(update);
    return {
      update,
      replies: calls
        .slice(before)
        .filter((c) => c.method === "sendMessage")
        .map((c) => String(c.payload.text)),
      calls: calls.slice(before),
    };
  };
  const counts = async () => {
    const db = testDb.db.prisma;
    return [await db.exchangeAccount.count(), await db.subscription.count(), await db.auditLog.count()];
  };

  it("answers unknown commands and stray text", async () => {
    expect((await send("/start")).replies[0]).toMatch(/Welcome to Mimic/);
    expect((await send("/frobnicate")).replies).toEqual([
      "I don't know /frobnicate. Send /help for the list of commands.",
    ]);
    expect((await send("hello")).replies[0]).toMatch(/wasn't expecting a message/);
  });

  it("drops a redelivered update", async () => {
    const first = await send("/help");
    expect(first.replies).toHaveLength(1);
    const before = calls.length;
    await bot.handleUpdate(first.update);
    expect(calls.length).toBe(before);
  });

  it("keeps money commands out of groups", async () => {
    const before = await counts();
    for (const command of ["/link", "/panic 123456", "/balance", "/2fa"]) {
      const { replies } = await send(command, { id: -100, type: "group" });
      expect(replies[0]).toMatch(/only works in a private chat/);
    }
    expect(await counts()).toEqual(before);
  });

  it("rejects wrong argument forms", async () => {
    expect((await send("/2fa please")).replies[0]).toMatch(/Use \/2fa to set up/);
    expect((await send("/panic 123456")).replies[0]).toMatch(/needs two-factor/);
  });

  it("deletes a secret sent in /link, and an expired flow changes nothing", async () => {
    const before = await counts();
    await send("/link");
    const callback = {
      update_id: updateId++,
      callback_query: {
        id: "cb1",
        from,
        chat_instance: "c",
        data: "link:binanceusdm",
        message: {
          message_id: 77,
          date: 0,
          chat: { id: from.id, type: "private", first_name: "Bob" },
          text: "Which exchange?",
        },
      },
    } as Update;
    await bot.handleUpdate(callback);
    const short = await send("abc");
    expect(short.calls.some((c) => c.method === "deleteMessage")).toBe(true);
    expect(short.replies[0]).toMatch(/too short/);
    now += 11 * 60_000;
    const late = await send("a-real-looking-api-key");
    expect(late.calls.some((c) => c.method === "deleteMessage")).toBe(true);
    expect(late.replies[0]).toMatch(/expired after 10 minutes.*nothing was changed/);
    expect(await counts()).toEqual(before);
  });

  it("a /link flow survives a restart of the bot", async () => {
    await send("/link");
    await bot.handleUpdate({
      update_id: updateId++,
      callback_query: {
        id: "cb2",
        from,
        chat_instance: "c",
        data: "link:binanceusdm",
        message: { message_id: 78, date: 0, chat: { id: from.id, type: "private", first_name: "Bob" }, text: "?" },
      },
    } as Update);
    bot = makeBot();
    const { replies } = await send("a-real-looking-api-key");
    expect(replies[0]).toMatch(/secret/i);
    expect(replies[0]).not.toMatch(/wasn't expecting/);
  });

  it("/panic ends on cancel or /cancel, which are not counted as wrong codes", async () => {
    const user = await testDb.db.prisma.user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
    await startTwoFactor(
      { userId: user.id, issuer: "Mimic", label: "bob" },
      { db: testDb.db.prisma, cipher, clock: { now: () => new Date(now) } },
    );
    await testDb.db.prisma.totpFactor.update({ where: { userId: user.id }, data: { confirmedAt: new Date(now) } });
    await send("/panic");
    expect((await send("cancel")).replies.at(-1)).toBe("Panic cancelled. Nothing was closed.");
    await send("/panic");
    expect((await send("/cancel")).replies.at(-1)).toBe("Panic cancelled. Nothing was closed.");
    // The flow is over: a code sent now is no answer to anything.
    expect((await send("123456")).replies.at(-1)).toMatch(/wasn't expecting/);
    const factor = await testDb.db.prisma.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(factor.failedAttempts).toBe(0);
    await testDb.db.prisma.totpFactor.delete({ where: { userId: user.id } });
  });

  it("wrong TOTP codes are refused, counted and lock after five", async () => {
    const user = await testDb.db.prisma.user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
    const { secret } = await startTwoFactor(
      { userId: user.id, issuer: "Mimic", label: "bob" },
      { db: testDb.db.prisma, cipher, clock: { now: () => new Date(now) } },
    );
    await testDb.db.prisma.totpFactor.update({ where: { userId: user.id }, data: { confirmedAt: new Date(now) } });
    expect((await send("/panic 000000")).replies.at(-1)).toMatch(/wrong.*4 attempt\(s\) left/);
    expect((await send("/panic nonsense")).replies.at(-1)).toMatch(/wrong.*3 attempt/);
    await send("/panic 111111");
    await send("/panic 222222");
    expect((await send("/panic 333333")).replies.at(-1)).toMatch(/locked until/);
    // Even the right code waits out the lock.
    const right = await generate({ secret, epoch: Math.floor(now / 1000) });
    expect((await send(`/panic ${right}`)).replies.at(-1)).toMatch(/locked until/);
    const audit = await testDb.db.prisma.auditLog.findMany({
      where: { userId: user.id, action: { startsWith: "panic" } },
    });
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.action === "panic.refused")).toBe(true);
    now += 16 * 60_000;
    const fresh = await generate({ secret, epoch: Math.floor(now / 1000) });
    expect((await send(`/panic ${fresh}`)).replies.at(-1)).toMatch(/Panic done/);
  });
});
