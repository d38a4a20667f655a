import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramNotifier } from "../../bots/telegram/notifications/telegram-notifier.ts";
import { type RunningTelegram, startTelegram } from "../../bots/telegram/start-telegram.ts";
import { termsVersion } from "../../core/community/terms/terms-document.ts";
import { createCcxtKeyPermissions } from "../../core/exchange/ccxt-key-permissions.ts";
import { createLogger, silentLogger } from "../../core/platform/logger.ts";
import { createTestDatabase } from "../db.ts";
import { type FakeBinance, startFakeBinance } from "../fake-binance/start-fake-binance.ts";
import type { BotMessage } from "../fake-telegram/fake-telegram-state.ts";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/start-fake-telegram.ts";
import { createHarness, type Harness } from "../harness.ts";
import { telegramBotDeps } from "../telegram-bot-deps.ts";

// The whole follower journey in Telegram alone: the real bot, long polling against a fake Bot API server,
// real ccxt against the fake Binance, a TradingView webhook in between.
describe("telegram: from /start to /panic", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let binance: FakeBinance;
  let tg: FakeTelegram;
  let h: Harness;
  let bot: RunningTelegram;
  // The bot's clock can be moved forward: a TOTP code works once, so /panic needs the next 30 s step.
  let skewMs = 0;
  const clock = { now: () => new Date(Date.now() + skewMs) };
  const alice = { id: 7001, first_name: "Alice", username: "alice" };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    binance = await startFakeBinance({ startingBalance: "10000" });
    binance.setPrice("BTCUSDT", "60000");
    tg = await startFakeTelegram();
    const notifier = createTelegramNotifier({ token: tg.token, apiRoot: tg.apiRoot, maxRetryDelaySec: 5 });
    h = createHarness({ db: testDb.db, ccxtUrlOverrides: { binanceusdm: binance.url }, notifiers: [notifier] });
    bot = await startTelegram(
      { token: tg.token, apiRoot: tg.apiRoot, pollTimeoutSec: 1, notifySweepMs: 100 },
      telegramBotDeps(h, {
        keyPermissions: createCcxtKeyPermissions({ urlOverrides: { binanceusdm: binance.url }, timeoutMs: 2000 }),
        clock,
        logger: process.env.DEBUG_BOT ? createLogger({ level: "debug" }) : silentLogger,
        linkableExchanges: ["paper", "binanceusdm"],
      }),
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await h?.close();
    await tg?.close();
    await binance?.close();
    await testDb?.drop();
  });

  /** Alice writes; resolves with the bot's first answer to it. */
  const say = async (text: string, match: (m: BotMessage) => boolean = () => true) => {
    const since = tg.state.botMessages.length;
    const sent = tg.send(alice, text);
    return { ...sent, reply: await tg.waitFor((m) => m.chatId === alice.id && match(m), { since }) };
  };
  const click = async (message: BotMessage, button: string | RegExp, match: (m: BotMessage) => boolean) => {
    const since = tg.state.botMessages.length;
    const edits = message.edits;
    tg.click(alice, message, button);
    // The answer is either a new message or an edit of the one clicked.
    for (let i = 0; i < 500; i++) {
      const fresh = tg.state.botMessages.slice(since).find((m) => m.chatId === alice.id && match(m));
      if (fresh) return fresh;
      if (message.edits > edits && match(message)) return message;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no answer to ${button}: ${JSON.stringify(tg.state.botMessages.slice(since).map((m) => m.text))}`);
  };
  const text = (pattern: RegExp) => (m: BotMessage) => pattern.test(m.text ?? m.caption ?? "");

  it("walks the whole journey", async () => {
    const prisma = testDb.db.prisma;
    // /start creates the user; a redelivered update is handled once.
    const start = await say("/start ref42", text(/Welcome to Mimic/));
    expect(start.reply.text).toMatch(/\/link/);
    tg.state.redeliver(start.updateId);
    await say("/help", text(/\/panic/));
    expect(tg.messagesTo(alice.id).filter((m) => /^Welcome/.test(m.text ?? ""))).toHaveLength(1);
    const user = await prisma.user.findUniqueOrThrow({ where: { telegramId: String(alice.id) } });
    expect(user.referralCode).toBe("ref42");

    // In a group, money commands point to the DM.
    const since = tg.state.botMessages.length;
    tg.send(alice, "/link", { id: -5001, type: "group", title: "traders" });
    await tg.waitFor((m) => m.chatId === -5001 && /private chat/.test(m.text ?? ""), { since });

    // /link before consent asks for the terms first (docs/terms.md), then the country of residence (a list, or
    // typed and searched); then /link goes on by itself.
    const terms = (await say("/link", text(/read Mimic's terms of service/))).reply;
    expect(terms.text).toMatch(/not investment advice/);
    await click(terms, "I accept", text(/Where do you live/));
    const found = (await say("germ", text(/Countries matching/))).reply;
    const menu = await click(found, /Germany/, text(/Which exchange/));
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      termsVersion: termsVersion(),
      country: "DE",
    });

    // /link paper
    await click(menu, /^paper/, text(/Paper account linked/));

    // /link binanceusdm: a key that can withdraw is refused and nothing is stored; a trade-only key is linked.
    binance.addKey("key-alice-withdraw", "secret-alice-withdraw", "10000");
    binance.state.withdrawalKeys.add("key-alice-withdraw");
    binance.addKey("key-alice-trade", "secret-alice-trade", "10000");
    const secretMessages: number[] = [];
    const linkBinance = async (key: string, secret: string, outcome: RegExp) => {
      const m = (await say("/link", text(/Which exchange/))).reply;
      await click(m, "binanceusdm", text(/Send the API key/));
      const k = await say(key, text(/API secret/));
      const s = await say(secret, text(outcome));
      secretMessages.push(k.messageId, s.messageId);
    };
    await linkBinance("key-alice-withdraw", "secret-alice-withdraw", /allowed to withdraw/);
    expect(await prisma.exchangeAccount.count({ where: { userId: user.id, exchange: "binanceusdm" } })).toBe(0);
    await linkBinance("key-alice-trade", "secret-alice-wrong", /refused these API keys/);
    await linkBinance("key-alice-trade", "secret-alice-trade", /binanceusdm account linked/);
    for (const id of secretMessages) expect(tg.wasDeleted(alice.id, id)).toBe(true);
    const stored = JSON.stringify(await prisma.exchangeAccount.findMany());
    expect(stored).not.toContain("secret-alice-trade");
    expect(JSON.stringify(await prisma.botSession.findMany())).not.toContain("key-alice-trade");
    const accounts = (await say("/accounts", text(/Your accounts/))).reply;
    expect(accounts.text).toMatch(/paper/);
    expect(accounts.text).toMatch(/binanceusdm/);

    // A strategy exists; /subscribe both accounts to it.
    const strategy = await h.admin<{ slug: string; passphrase: string }>("POST", "/api/admin/strategies", {
      name: "BTC momentum",
    });
    expect((await say("/strategies", text(/BTC momentum/))).reply.text).toMatch(/0 follower/);
    for (const account of ["binanceusdm", "paper"]) {
      const pick = (await say("/subscribe", text(/Which strategy/))).reply;
      const accountsMenu = await click(pick, /BTC momentum/, text(/With which account/));
      const modes = await click(accountsMenu, account, text(/How should each trade be sized/));
      await click(modes, /fixed USDT/, text(/How many USDT/));
      await say("lots", text(/must be a number/));
      const leverage = (await say("1000", text(/Cap the leverage/))).reply;
      await click(leverage, "3x", text(/^Subscribed/));
    }

    // The fill notification arrives, through a 429 that auto-retry waits out.
    tg.state.faults.push({ method: "sendMessage", status: 429, retryAfterSec: 1, times: 1 });
    const before = tg.state.botMessages.length;
    const res = await h.request("POST", `/webhooks/tradingview/${strategy.slug}`, {
      passphrase: strategy.passphrase,
      symbol: "BINANCE:BTCUSDT.P",
      action: "long",
      leverage: 5,
      price: 60000,
    });
    expect(res.status).toBe(202);
    const fills = [
      await tg.waitFor((m) => /^Filled: long BTC\/USDT:USDT/.test(m.text ?? "") && /binanceusdm/.test(m.text ?? ""), {
        since: before,
      }),
      await tg.waitFor((m) => /^Filled: long BTC\/USDT:USDT/.test(m.text ?? "") && /paper/.test(m.text ?? ""), {
        since: before,
      }),
    ];
    for (const f of fills) expect(f.text).toMatch(/0\.016\d* @ 60000/);
    expect(tg.state.calls.some((c) => c.method === "sendMessage" && c.status === 429)).toBe(true);

    const positions = (await say("/positions", text(/BTC\/USDT:USDT/))).reply;
    expect(positions.text?.match(/BTC\/USDT:USDT long/g)).toHaveLength(2);

    // /panic before 2FA is refused.
    await say("/panic", text(/needs two-factor/));

    // /2fa: QR image with the manual secret, confirmed with a code; the QR is deleted afterwards.
    const qr = (await say("/2fa", (m) => m.method === "sendPhoto")).reply;
    expect(qr.photo?.length).toBeGreaterThan(100);
    const secret = /\n([A-Z2-7]{16,})\n/.exec(qr.caption ?? "")?.[1] ?? "";
    expect(secret).not.toBe("");
    const code = () => generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
    await say("12345", text(/code is wrong/));
    // Kept: the same code must not work a second time, even when the clock has moved into the next time step.
    const confirmCode = await code();
    await say(confirmCode, text(/Two-factor authentication is on/));
    expect(qr.deleted).toBe(true);

    // /panic: a wrong code changes nothing; the used code does not work twice; the next one closes everything.
    await say("/panic", text(/Send the current 6-digit code/));
    await say("000000", text(/code is wrong/));
    expect(
      (await say(`/panic ${confirmCode}`, text(/wrong, expired or already used|already used/))).reply.text,
    ).toBeDefined();
    skewMs += 30_000;
    const report = (await say(`/panic ${await code()}`, text(/Panic done/))).reply;
    expect(report.text?.match(/closed BTC\/USDT:USDT long/g)).toHaveLength(2);
    expect(report.text).toMatch(/2 subscriptions paused/);
    const binancePositions = [...(binance.account("key-alice-trade")?.positions.values() ?? [])];
    expect(binancePositions.length).toBeGreaterThan(0);
    expect(binancePositions.every((p) => p.amt.isZero())).toBe(true);
    const paperPositions = await prisma.paperPosition.findMany({ where: { account: { userId: user.id } } });
    expect(paperPositions.length).toBeGreaterThan(0);
    expect(paperPositions.every((p) => p.contracts.isZero())).toBe(true);
    const audit = await prisma.auditLog.findMany({ where: { userId: user.id, action: { startsWith: "panic" } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["panic", "panic.refused", "panic.refused"]);

    // /pnl renders a PNG card.
    const card = (await say("/pnl", (m) => m.method === "sendPhoto")).reply;
    expect(
      Buffer.from(card.photo ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
  });
});
