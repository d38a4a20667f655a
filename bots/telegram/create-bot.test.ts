import type { Update } from "grammy/types";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueConnectCode } from "../../core/accounts/connect-code.ts";
import { type CredentialCipher, createCredentialCipher } from "../../core/accounts/credential-cipher.ts";
import { unknownKeyPermissions } from "../../core/accounts/key-permissions.ts";
import type { ExchangeCredentials } from "../../core/exchange/exchange.ts";
import { createExchangeResolver } from "../../core/exchange/exchange-resolver.ts";
import { AppError } from "../../core/platform/errors.ts";
import { silentLogger } from "../../core/platform/logger.ts";
import { generateMasterKey } from "../../core/platform/secrets.ts";
import { startTwoFactor } from "../../core/security/two-factor.ts";
import { createTestDatabase } from "../../test/db.ts";
import { createBot } from "./create-bot.ts";

// Handlers through bot.handleUpdate: a preset botInfo, every outbound API call recorded and answered locally.
describe("telegram handlers: bad input gets a clear answer and changes nothing", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let now = Date.now();
  const calls: { method: string; payload: Record<string, unknown>; result: unknown }[] = [];
  let bot: ReturnType<typeof createBot>;
  /** A bot process over the test database; calling it again is a restart (nothing in memory carries over). */
  let makeBot: () => ReturnType<typeof createBot>;
  let updateId = 1;
  let messageId = 1;
  const cipher = createCredentialCipher({ masterKey: generateMasterKey() });
  // The bot's own cipher counts what it opens: sealed API keys must only be opened by the exchange resolver.
  const botOpened: string[] = [];
  const botCipher: CredentialCipher = {
    currentKeyId: cipher.currentKeyId,
    seal: (plaintext) => cipher.seal(plaintext),
    open: (envelope) => {
      botOpened.push(envelope);
      return cipher.open(envelope);
    },
  };
  // What reached the exchange when a key was checked; the exchange refuses every key.
  const checkedKeys: ExchangeCredentials[] = [];
  const from = { id: 4242, is_bot: false, first_name: "Bob" };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const db = testDb.db.prisma;
    const exchanges = createExchangeResolver({
      cipher,
      ccxt: {
        isSupported: (id) => id === "binanceusdm",
        forAccount: (_id, credentials) => {
          checkedKeys.push(credentials);
          throw new AppError("INVALID_KEY", "invalid api key");
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
          cipher: botCipher,
          exchanges,
          keyPermissions: unknownKeyPermissions,
          clock: { now: () => new Date(now) },
          logger: silentLogger,
          linkableExchanges: ["paper", "binanceusdm"],
          totpIssuer: "Mimic",
        },
      });
      fresh.api.config.use(async (_prev, method, payload) => {
        const result =
          method.startsWith("send") || method === "editMessageText"
            ? {
                message_id: messageId++,
                date: 0,
                chat: { id: (payload as { chat_id: number }).chat_id, type: "private" },
                text: "",
              }
            : true;
        calls.push({ method, payload: payload as Record<string, unknown>, result });
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
    sender: typeof from & { language_code?: string } = from,
  ) => {
    const command = /^\/\S+/.exec(text)?.[0];
    const update = {
      update_id: updateId++,
      message: {
        message_id: messageId++,
        date: 0,
        from: sender,
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
    expect((await send("/panic 000000")).replies.at(-1)).toMatch(/wrong.*4 attempts left/);
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
  const click = async (data: string) => {
    const before = calls.length;
    await bot.handleUpdate({
      update_id: updateId++,
      callback_query: {
        id: `cb${updateId}`,
        from,
        chat_instance: "c",
        data,
        message: { message_id: 90, date: 0, chat: { id: from.id, type: "private", first_name: "Bob" }, text: "?" },
      },
    } as Update);
    return calls.slice(before);
  };

  it("a /link whose key the exchange refuses ends the flow: the next message is not taken for a secret", async () => {
    const before = await counts();
    botOpened.length = 0;
    await send("/link");
    await click("link:binanceusdm");
    const key = await send("a-real-looking-api-key");
    expect(key.replies[0]).toMatch(/API secret/);
    const secret = await send("a-real-looking-secret");
    expect(secret.calls.some((c) => c.method === "deleteMessage")).toBe(true);
    expect(secret.replies).toEqual([
      "Checking the keys with the exchange...",
      expect.stringMatching(/^The exchange refused these API keys/),
    ]);
    // The key was opened by the exchange resolver, not by the bot, and reached the exchange in plaintext.
    expect(checkedKeys.at(-1)).toEqual({ apiKey: "a-real-looking-api-key", secret: "a-real-looking-secret" });
    expect(botOpened).toEqual([]);
    // The flow is over, in the stored session too: what comes next is an ordinary message, kept and answered.
    expect(JSON.stringify(await testDb.db.prisma.botSession.findMany())).not.toMatch(/link/);
    const next = await send("hello again");
    expect(next.calls.some((c) => c.method === "deleteMessage")).toBe(false);
    expect(next.replies).toEqual(["I wasn't expecting a message. Send /help for the list of commands."]);
    expect(await counts()).toEqual(before);
  });

  it("a failed /link step ends the flow even if the bot restarts in between", async () => {
    await send("/link");
    await click("link:binanceusdm");
    await send("a-real-looking-api-key");
    await send("a-real-looking-secret");
    bot = makeBot();
    const next = await send("hello after a restart");
    expect(next.calls.some((c) => c.method === "deleteMessage")).toBe(false);
    expect(next.replies[0]).toMatch(/wasn't expecting/);
  });

  describe("the /2fa setup picture (its caption holds the TOTP secret)", () => {
    /** The id of the setup picture sent among these calls. */
    const photoId = (sent: { method: string; payload: Record<string, unknown>; result: unknown }[]) => {
      const photo = sent.find((c) => c.method === "sendPhoto");
      if (!photo) throw new Error("no picture was sent");
      expect(String(photo.payload.caption)).toMatch(/enter the key by hand:\n[A-Z2-7]{16,}\n/);
      return (photo.result as { message_id: number }).message_id;
    };
    const setUp = async () => {
      const user = await testDb.db.prisma.user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
      await testDb.db.prisma.totpFactor.deleteMany({ where: { userId: user.id } });
      return photoId((await send("/2fa")).calls);
    };
    const deleted = (sent: { method: string; payload: Record<string, unknown> }[], messageId: number) =>
      sent.some((c) => c.method === "deleteMessage" && c.payload.message_id === messageId);

    it("is deleted when the setup is cancelled", async () => {
      const photo = await setUp();
      const { calls: sent, replies } = await send("/cancel");
      expect(replies).toEqual(["Cancelled."]);
      expect(deleted(sent, photo)).toBe(true);
    });

    it("is deleted when the word cancel ends the setup", async () => {
      const photo = await setUp();
      expect(deleted((await send("cancel")).calls, photo)).toBe(true);
    });

    it("is deleted when another command replaces the setup", async () => {
      const photo = await setUp();
      const { calls: sent } = await send("/settings");
      expect(deleted(sent, photo)).toBe(true);
    });

    it("is deleted when a second /2fa replaces it, and the new one stays", async () => {
      const first = await setUp();
      const { calls: sent } = await send("/2fa");
      const second = photoId(sent);
      expect(deleted(sent, first)).toBe(true);
      expect(deleted(sent, second)).toBe(false);
      expect(deleted((await send("/cancel")).calls, second)).toBe(true);
    });

    it("is deleted when the setup expires", async () => {
      const photo = await setUp();
      now += 11 * 60_000;
      const { calls: sent, replies } = await send("123456");
      expect(replies[0]).toMatch(/That \/2fa expired after 10 minutes/);
      expect(deleted(sent, photo)).toBe(true);
    });

    it("is deleted when the setup expires and the next thing sent is a command", async () => {
      const photo = await setUp();
      now += 11 * 60_000;
      expect(deleted((await send("/help")).calls, photo)).toBe(true);
    });

    it("stays while a wrong code is retried, and goes once the code is confirmed", async () => {
      const photo = await setUp();
      const wrong = await send("000000");
      expect(wrong.replies[0]).toMatch(/^That code is wrong, expired or already used\. 4 attempts left/);
      expect(deleted(wrong.calls, photo)).toBe(false);
      const user = await testDb.db.prisma.user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
      const factor = await testDb.db.prisma.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
      const right = await generate({ secret: cipher.open(factor.secret), epoch: Math.floor(now / 1000) });
      const confirmed = await send(right);
      expect(confirmed.replies).toEqual([
        "Two-factor authentication is on. /panic now works with a code from your app.",
      ]);
      expect(
        confirmed.calls.filter((c) => c.method === "deleteMessage" && c.payload.message_id === photo),
      ).toHaveLength(1);
      // Deleted before the answer: the secret is gone by the time the user reads "on".
      expect(confirmed.calls.map((c) => c.method)).toEqual(["deleteMessage", "sendMessage"]);
      await testDb.db.prisma.totpFactor.delete({ where: { userId: user.id } });
    });
  });

  it("/settings switches notifications, and offers where they go once Discord is connected too", async () => {
    const db = testDb.db.prisma;
    const buttons = (sent: { method: string; payload: Record<string, unknown> }[]) => {
      const markup = sent.find((c) => c.method === "sendMessage")?.payload.reply_markup as
        | { inline_keyboard: { text: string; callback_data: string }[][] }
        | undefined;
      return (markup?.inline_keyboard ?? []).flat();
    };
    const edited = (sent: { method: string; payload: Record<string, unknown> }[]) =>
      sent.filter((c) => c.method === "editMessageText").map((c) => String(c.payload.text));
    const user = await db.user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
    await db.user.update({ where: { id: user.id }, data: { notifySignals: false, notifyVia: null, discordId: null } });

    // Telegram only: the opt-ins, and no choice of app.
    expect(buttons((await send("/settings")).calls).map((b) => b.text)).toEqual([
      "Signal alerts: off",
      "Daily summary: off",
    ]);
    expect(edited(await click("set:n:signals"))).toEqual(["Signal alerts turned on."]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).notifySignals).toBe(true);

    await db.user.update({ where: { id: user.id }, data: { discordId: "800000000000000042" } });
    const via = buttons((await send("/settings")).calls).at(-1);
    expect(via).toEqual({ text: "Notifications by: Telegram", callback_data: "set:n:via:discord" });
    expect(edited(await click(via?.callback_data ?? ""))).toEqual(["Notifications now arrive by Discord."]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).notifyVia).toBe("discord");
    const back = buttons((await send("/settings")).calls).at(-1);
    expect(back).toEqual({ text: "Notifications by: Discord", callback_data: "set:n:via:telegram" });
    expect(edited(await click(back?.callback_data ?? ""))).toEqual(["Notifications now arrive by Telegram."]);

    // A button left from before Discord was disconnected: core refuses, nothing changes.
    await db.user.update({ where: { id: user.id }, data: { discordId: null } });
    const refused = await click("set:n:via:discord");
    expect(refused.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text))).toEqual([
      expect.stringMatching(/Discord is not connected yet.*\/connect/),
    ]);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([after.notifyVia, after.notifySignals]).toEqual(["telegram", true]);
    await db.user.update({ where: { id: user.id }, data: { notifySignals: false, notifyVia: null } });
  });

  it("/settings sets a subscription's slippage cap, refuses one over 5%, and 'off' gives it back to the signal", async () => {
    const db = testDb.db.prisma;
    const user = await db.user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
    const account = await db.exchangeAccount.create({ data: { userId: user.id, exchange: "paper", label: "cap" } });
    const strategy = await db.strategy.create({ data: { name: "Capped", slug: "capped", passphraseHash: "x" } });
    const sub = await db.subscription.create({
      data: { accountId: account.id, strategyId: strategy.id, sizingMode: "fixed", sizingValue: "100" },
    });
    const edited = (sent: { method: string; payload: Record<string, unknown> }[]) =>
      sent.filter((c) => c.method === "editMessageText");
    const shown = edited(await click(`set:${sub.id}`))[0]?.payload;
    expect(String(shown?.text)).toMatch(/Entry slippage cap: signal's, else 0\.3% \(BTC, ETH\) or 0\.5%/);
    const markup = shown?.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined;
    const keyboard = markup?.inline_keyboard ?? [];
    expect(keyboard.flat()).toContainEqual({ text: "Slippage cap", callback_data: `set:sc:${sub.id}` });

    const cap = async () => (await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).maxSlippagePerc;
    expect(String(edited(await click(`set:sc:${sub.id}`))[0]?.payload.text)).toMatch(/^Send how far from the signal's/);
    expect((await send("9")).replies[0]).toMatch(/^That value must be above 0 and at most 5; nothing changed\./);
    expect(await cap()).toBeNull();
    expect((await send("0.8")).replies[0]).toMatch(/^Saved\.\n[\s\S]*Entry slippage cap: 0\.8%/);
    expect(String(await cap())).toBe("0.8");
    await click(`set:sc:${sub.id}`);
    await send("off");
    expect(await cap()).toBeNull();
    await db.subscription.delete({ where: { id: sub.id } });
    await db.exchangeAccount.delete({ where: { id: account.id } });
  });

  it("/settings sets a subscription's trailing stop by a tap, and the signal's again", async () => {
    const db = testDb.db.prisma;
    const user = await db.user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
    const account = await db.exchangeAccount.create({ data: { userId: user.id, exchange: "paper", label: "trail" } });
    const strategy = await db.strategy.create({ data: { name: "Trailed", slug: "trailed", passphraseHash: "x" } });
    const sub = await db.subscription.create({
      data: { accountId: account.id, strategyId: strategy.id, sizingMode: "fixed", sizingValue: "100" },
    });
    const edited = async (data: string) =>
      (await click(data)).filter((c) => c.method === "editMessageText").map((c) => c.payload)[0];
    const shown = await edited(`set:${sub.id}`);
    expect(String(shown?.text)).toMatch(/\nTrailing stop: the signal's$/);
    type Markup = { inline_keyboard: { text: string; callback_data: string }[][] } | undefined;
    const keys = ((shown?.reply_markup as Markup)?.inline_keyboard ?? []).flat();
    expect(keys.map((k) => k.callback_data)).toContain(`set:tr:${sub.id}`);
    const choices = await edited(`set:tr:${sub.id}`);
    const taps = ((choices?.reply_markup as Markup)?.inline_keyboard ?? [])
      .flat()
      .map((k) => [k.text, k.callback_data]);
    expect(taps).toContainEqual(["Trail 2%", `set:trm:2:${sub.id}`]);
    expect(String((await edited(`set:trm:2:${sub.id}`))?.text)).toBe("Saved.\nTrailing stop: 2% behind the best price");
    const row = () => db.subscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect([(await row()).trailingMode, String((await row()).trailingDistancePerc)]).toEqual(["percent", "2"]);
    await click(`set:trm:moving_target:${sub.id}`);
    expect((await row()).trailingMode).toBe("moving_target");
    await click(`set:trm:signal:${sub.id}`);
    expect((await row()).trailingMode).toBeNull();
    await db.subscription.delete({ where: { id: sub.id } });
    await db.exchangeAccount.delete({ where: { id: account.id } });
  });

  it("/connect issues a code for Discord, and joins the Discord user whose code it is given", async () => {
    const db = testDb.db.prisma;
    const kim = { id: 6161, is_bot: false, first_name: "Kim" };
    const chat = { id: kim.id, type: "private" as const };
    const [issued] = (await send("/connect", chat, kim)).replies;
    const code =
      /^Your code: (\S+) \(valid for 10 minutes, once\)\. In Mimic's Discord bot, use: \/connect code:\1$/.exec(
        issued ?? "",
      )?.[1];
    expect(code).toBeDefined();
    // The same code entered here, on the side that made it, is refused and changes nothing.
    expect((await send(`/connect ${code}`, chat, kim)).replies[0]).toMatch(/made in Telegram; enter it in Discord/);

    const discordUser = await db.user.create({ data: { discordId: "700000000000000001" } });
    const fromDiscord = await issueConnectCode(
      { userId: discordUser.id, transport: "discord" },
      { db, clock: { now: () => new Date(now) } },
    );
    expect((await send(`/connect ${fromDiscord.code}`, chat, kim)).replies).toEqual([
      "Connected: your Telegram and Discord accounts are now one Mimic user.",
    ]);
    const joined = await db.user.findUniqueOrThrow({ where: { telegramId: "6161" } });
    expect([joined.id, joined.discordId]).toEqual([discordUser.id, "700000000000000001"]);
    expect((await send("/connect NOPE-NOPE", chat, kim)).replies[0]).toMatch(/unknown, used or expired/);
  });

  it("answers in the sender's language where there is a translation, English otherwise", async () => {
    const ana = { id: 5151, is_bot: false, first_name: "Ana", language_code: "es" };
    const chat = { id: ana.id, type: "private" as const };
    expect((await send("/start", chat, ana)).replies[0]).toMatch(/^¡Bienvenido a Mimic!/);
    expect((await send("/frobnicate", chat, ana)).replies).toEqual([
      "No conozco /frobnicate. Envía /help para ver la lista de comandos.",
    ]);
    const help = (await send("/help", chat, ana)).replies[0] ?? "";
    expect(help.split("\n")).toHaveLength(15);
    expect(help).toMatch(/^\/start - Bienvenida y próximos pasos\n/);
    expect((await send("/link", chat, { ...ana, language_code: "es-ES" })).replies).toEqual(["¿Qué exchange?"]);
    expect((await send("/cancel", chat, ana)).replies).toEqual(["No hay nada que cancelar."]);
    const fr = { ...ana, id: 5252, language_code: "fr" };
    expect((await send("/cancel", { id: fr.id, type: "private" }, fr)).replies).toEqual([
      "There is nothing to cancel.",
    ]);
  });
});
