import type { Update } from "grammy/types";
import { type CredentialCipher, createCredentialCipher } from "../../../core/accounts/credential-cipher.ts";
import { ensureChatUser } from "../../../core/accounts/ensure-chat-user.ts";
import { unknownKeyPermissions } from "../../../core/accounts/key-permissions.ts";
import { acceptTerms } from "../../../core/community/terms/accept-terms.ts";
import { declareCountry } from "../../../core/community/terms/declare-country.ts";
import { defaultTermsGate } from "../../../core/community/terms/terms-gate.ts";
import type { ExchangeCredentials } from "../../../core/exchange/exchange.ts";
import { createExchangeResolver } from "../../../core/exchange/exchange-resolver.ts";
import type { DbClient } from "../../../core/platform/db-client.ts";
import { AppError } from "../../../core/platform/errors.ts";
import { silentLogger } from "../../../core/platform/logger.ts";
import { generateMasterKey } from "../../../core/platform/secrets.ts";
import { createTestDatabase } from "../../../test/db.ts";
import type { BotDeps } from "../bot-deps.ts";
import { createBot } from "../create-bot.ts";

type Sender = { id: number; is_bot: boolean; first_name: string; language_code?: string };

/**
 * The bot's handlers through bot.handleUpdate over a test database: a preset botInfo, every outbound API call
 * recorded and answered locally, a clock the test moves (`clock.ms`). `restart()` is a new bot process (nothing
 * in memory carries over). The exchange refuses every live key; what reached it is in `checkedKeys`, and what
 * the bot itself opened with its cipher is in `botOpened` (sealed keys must only be opened by the resolver).
 * `opts.deps` adds or replaces dependencies (support, say) over the test database.
 */
export function recordedBot(opts: { deps?: (db: DbClient) => Partial<BotDeps> } = {}) {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  const clock = { ms: Date.now() };
  const calls: { method: string; payload: Record<string, unknown>; result: unknown }[] = [];
  let bot: ReturnType<typeof createBot> | undefined;
  let updateId = 1;
  let messageId = 1;
  const cipher = createCredentialCipher({ masterKey: generateMasterKey() });
  const botOpened: string[] = [];
  const botCipher: CredentialCipher = {
    currentKeyId: cipher.currentKeyId,
    seal: (plaintext) => cipher.seal(plaintext),
    open: (envelope) => {
      botOpened.push(envelope);
      return cipher.open(envelope);
    },
  };
  const checkedKeys: ExchangeCredentials[] = [];
  const from: Sender = { id: 4242, is_bot: false, first_name: "Bob" };

  const db = () => {
    if (!testDb) throw new Error("recordedBot: call start() in beforeAll");
    return testDb.db.prisma;
  };
  const current = () => {
    if (!bot) throw new Error("recordedBot: call start() in beforeAll");
    return bot;
  };
  const restart = () => {
    const exchanges = createExchangeResolver({
      cipher,
      ccxt: {
        isSupported: (id) => id === "binanceusdm",
        forAccount: (_id, credentials) => {
          checkedKeys.push(credentials);
          throw new AppError("INVALID_KEY", "invalid api key");
        },
      },
      paper: { db: db() },
    });
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
        db: db(),
        cipher: botCipher,
        exchanges,
        keyPermissions: unknownKeyPermissions,
        clock: { now: () => new Date(clock.ms) },
        logger: silentLogger,
        linkableExchanges: ["paper", "binanceusdm"],
        totpIssuer: "Mimic",
        ...opts.deps?.(db()),
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
    bot = fresh;
  };

  const send = async (
    text: string,
    chat: { id: number; type: "private" | "group" } = { id: from.id, type: "private" },
    sender: Sender = from,
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
    await current().handleUpdate(update);
    return {
      update,
      replies: calls
        .slice(before)
        .filter((c) => c.method === "sendMessage")
        .map((c) => String(c.payload.text)),
      calls: calls.slice(before),
    };
  };

  /** The sender taps an inline button whose callback data is `data`. */
  const click = async (data: string) => {
    const before = calls.length;
    await current().handleUpdate({
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

  /**
   * The sender has accepted the current terms and declared a country (Germany), as a follower who went through
   * the gate (features/terms.ts) once: for tests of what comes after it.
   */
  const onboard = async (sender: Sender = from) => {
    const user = await ensureChatUser(
      { transport: "telegram", externalId: String(sender.id), displayName: sender.first_name },
      { db: db() },
    );
    const deps = { db: db(), clock: { now: () => new Date(clock.ms) }, terms: defaultTermsGate() };
    await acceptTerms({ userId: user.id, version: deps.terms.version }, deps);
    await declareCountry({ userId: user.id, country: "DE" }, deps);
    return user.id;
  };

  const counts = async () => [
    await db().exchangeAccount.count(),
    await db().subscription.count(),
    await db().auditLog.count(),
  ];

  return {
    clock,
    calls,
    cipher,
    botOpened,
    checkedKeys,
    from,
    db,
    bot: current,
    restart,
    send,
    click,
    onboard,
    counts,
    async start() {
      testDb = await createTestDatabase();
      restart();
    },
    async stop() {
      await testDb?.drop();
    },
  };
}
