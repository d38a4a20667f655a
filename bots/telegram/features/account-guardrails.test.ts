import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCredentialCipher } from "../../../core/accounts/credential-cipher.ts";
import { unknownKeyPermissions } from "../../../core/accounts/key-permissions.ts";
import { defaultTermsGate } from "../../../core/community/terms/terms-gate.ts";
import { createExchangeResolver } from "../../../core/exchange/exchange-resolver.ts";
import { AppError } from "../../../core/platform/errors.ts";
import { silentLogger } from "../../../core/platform/logger.ts";
import { generateMasterKey } from "../../../core/platform/secrets.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createBot } from "../create-bot.ts";

// /accounts → an account's daily limits → a limit typed in, through bot.handleUpdate with every API call recorded.
describe("telegram /accounts: daily guardrails", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let bot: ReturnType<typeof createBot>;
  const calls: { method: string; payload: Record<string, unknown> }[] = [];
  const from = { id: 5151, is_bot: false, first_name: "Gina" };
  const chat = { id: from.id, type: "private" as const, first_name: "Gina" };
  let updateId = 1;
  let messageId = 1;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const db = testDb.db.prisma;
    const cipher = createCredentialCipher({ masterKey: generateMasterKey() });
    const exchanges = createExchangeResolver({
      cipher,
      ccxt: {
        isSupported: () => false,
        forAccount: () => {
          throw new AppError("INVALID_KEY", "no venue here");
        },
      },
      paper: { db },
    });
    bot = createBot({
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
        clock: { now: () => new Date() },
        logger: silentLogger,
        linkableExchanges: ["paper"],
        totpIssuer: "Mimic",
      },
    });
    bot.api.config.use(async (_prev, method, payload) => {
      const result =
        method.startsWith("send") || method === "editMessageText"
          ? { message_id: messageId++, date: 0, chat, text: "" }
          : true;
      calls.push({ method, payload: payload as Record<string, unknown> });
      return { ok: true, result } as never;
    });
  });
  afterAll(() => testDb?.drop());

  const answers = async (update: Update) => {
    const before = calls.length;
    await bot.handleUpdate(update);
    return calls.slice(before).filter((c) => c.method === "sendMessage" || c.method === "editMessageText");
  };
  const say = (text: string) => {
    const command = /^\/\S+/.exec(text)?.[0];
    return answers({
      update_id: updateId++,
      message: {
        message_id: messageId++,
        date: 0,
        from,
        chat,
        text,
        ...(command && { entities: [{ type: "bot_command", offset: 0, length: command.length }] }),
      },
    } as Update);
  };
  const click = (data: string) =>
    answers({
      update_id: updateId++,
      callback_query: {
        id: `cb${updateId}`,
        from,
        chat_instance: "c",
        data,
        message: { message_id: 9, date: 0, chat, text: "…" },
      },
    } as Update);
  type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
  const buttons = (call: { payload: Record<string, unknown> } | undefined) =>
    ((call?.payload.reply_markup as Keyboard | undefined)?.inline_keyboard ?? []).flat();

  it("shows an account's limits, sets one from a typed percent, refuses a bad one, and shows a halt", async () => {
    await say("/start");
    const user = await testDb.db.prisma.user.findFirstOrThrow({ where: { telegramId: String(from.id) } });
    // Through the terms gate once (features/terms.ts), as any follower with a limit to set.
    await testDb.db.prisma.user.update({
      where: { id: user.id },
      data: { termsVersion: defaultTermsGate().version, country: "DE" },
    });
    const account = await testDb.db.prisma.exchangeAccount.create({
      data: { userId: user.id, exchange: "paper", label: "Main" },
    });
    const [list] = await say("/accounts");
    expect(list?.payload.text).toBe("Your accounts:\n1. Main (paper) - 0 active subscriptions");
    const open = buttons(list).find((b) => b.text === "Daily limits of 1. Main (paper)");
    const [view] = await click(open?.callback_data ?? "");
    expect(view?.payload.text).toMatch(
      /^Daily limits of Main \(paper\)\nDaily loss limit: off · daily profit lock: off\nNot halted today\.\nMeasured from 00:00 UTC/,
    );
    const [ask] = await click(buttons(view).find((b) => b.text === "Daily loss limit")?.callback_data ?? "");
    expect(ask?.payload.text).toMatch(/^Send the daily loss limit in percent/);
    const [wrong] = await say("150");
    expect(wrong?.payload.text).toMatch(
      /^That value must be above 0 and at most 100; nothing changed\. Send the daily/,
    );
    const [saved] = await say("4.5");
    expect(saved?.payload.text).toMatch(
      /^Saved\.\nDaily limits of Main \(paper\)\nDaily loss limit: 4\.5% · daily profit lock: off/,
    );
    expect(
      (
        await testDb.db.prisma.exchangeAccount.findUniqueOrThrow({ where: { id: account.id } })
      ).dailyLossLimitPerc?.toString(),
    ).toBe("4.5");

    await click(`acc:gl:${account.id}`);
    const [off] = await say("off");
    expect(off?.payload.text).toMatch(/Daily loss limit: off/);

    await testDb.db.prisma.exchangeAccount.update({
      where: { id: account.id },
      data: { dailyProfitLockPerc: "10", haltedUntil: new Date(Date.now() + 3_600_000), haltReason: "daily_profit" },
    });
    const [halted] = await say("/accounts");
    expect(halted?.payload.text).toBe(
      "Your accounts:\n1. Main (paper) - 0 active subscriptions\nDaily loss limit: off · daily profit lock: 10%\nDaily profit lock reached today: no new entries until 00:00 UTC.",
    );
    const audit = await testDb.db.prisma.auditLog.findMany({
      where: { accountId: account.id, action: "guardrail.set" },
    });
    expect(audit.map((a) => a.actor)).toEqual([`user:${user.id}`, `user:${user.id}`]);
  });

  it("another user's account is not theirs to change", async () => {
    const other = await testDb.db.prisma.user.create({ data: {} });
    const theirs = await testDb.db.prisma.exchangeAccount.create({ data: { userId: other.id, exchange: "paper" } });
    const [gone] = await click(`acc:g:${theirs.id}`);
    expect(gone?.payload.text).toBe("That account does not exist any more.");
  });
});
