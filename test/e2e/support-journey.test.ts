import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramNotifier } from "../../bots/telegram/notifications/telegram-notifier.ts";
import { type RunningTelegram, startTelegram } from "../../bots/telegram/start-telegram.ts";
import { silentLogger } from "../../core/platform/logger.ts";
import { createSupportKnowledge } from "../../core/support/knowledge/support-knowledge.ts";
import { supportDepsFromEnv } from "../../core/support/support-from-env.ts";
import { createTestDatabase } from "../db.ts";
import { type FakeOpenAI, startFakeOpenAI } from "../fake-openai/start-fake-openai.ts";
import type { BotMessage } from "../fake-telegram/fake-telegram-state.ts";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/start-fake-telegram.ts";
import { createHarness, type Harness } from "../harness.ts";
import { telegramBotDeps } from "../telegram-bot-deps.ts";

// A follower asks in Telegram and reaches a human: the real bot against the fake Bot API, support wired as the
// entry points wire it (supportDepsFromEnv over a knowledge base ingested from docs/), the admin API in between.
// Once without OPENAI_API_KEY (BM25: the fake OpenAI, although configured as the base URL, sees nothing), once
// with the fake OpenAI answering.
describe.each([
  { mode: "bm25", apiKey: undefined },
  { mode: "embeddings", apiKey: "sk-test" },
])("support through Telegram ($mode)", ({ mode, apiKey }) => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let openai: FakeOpenAI;
  let tg: FakeTelegram;
  let h: Harness;
  let bot: RunningTelegram;
  const alice = { id: 8001, first_name: "Alice", username: "alice" };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    openai = await startFakeOpenAI();
    tg = await startFakeTelegram();
    const notifier = createTelegramNotifier({ token: tg.token, apiRoot: tg.apiRoot, maxRetryDelaySec: 5 });
    h = createHarness({ db: testDb.db, notifiers: [notifier] });
    const env = {
      OPENAI_API_KEY: apiKey,
      OPENAI_BASE_URL: openai.url,
      OPENAI_MODEL: "gpt-test",
      SUPPORT_MIN_CONFIDENCE: 0.6,
      SUPPORT_QUESTIONS_PER_HOUR: 20,
      SUPPORT_ADMIN_TELEGRAM_CHAT: undefined,
      SUPPORT_ADMIN_DISCORD_CHANNEL: undefined,
      SUPPORT_DOCS_URL: undefined,
    };
    const knowledge = createSupportKnowledge(
      { openaiApiKey: apiKey, openaiBaseUrl: openai.url, embeddingModel: "text-embedding-3-small" },
      { db: testDb.db, logger: silentLogger },
    );
    await knowledge.ingest();
    const support = supportDepsFromEnv(env, { db: h.deps.db, clock: h.deps.clock, logger: silentLogger, knowledge });
    bot = await startTelegram(
      { token: tg.token, apiRoot: tg.apiRoot, pollTimeoutSec: 1, notifySweepMs: 100 },
      telegramBotDeps(h, { support }),
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await h?.close();
    await tg?.close();
    await openai?.close();
    await testDb?.drop();
  });

  const say = async (text: string, match: (m: BotMessage) => boolean) => {
    const since = tg.state.botMessages.length;
    tg.send(alice, text);
    return tg.waitFor((m) => m.chatId === alice.id && match(m), { since, timeoutMs: 10_000 });
  };
  const text = (pattern: RegExp) => (m: BotMessage) => pattern.test(m.text ?? "");
  const ticketOf = (m: BotMessage) => /ticket #([0-9a-f]{8})/.exec(m.text ?? "")?.[1];

  it("answers from docs/, opens a ticket for what the docs cannot answer, and carries the conversation", async () => {
    const prisma = testDb.db.prisma;
    const embeddingsAfterIngest = openai.stats().embeddingCalls;
    await say("/start", text(/Welcome to Mimic/));

    // 1. A question about linking Binance, as plain DM text, is answered with a source in docs/.
    const answer = await say("How do I link my Binance account?", text(/docs\/[\w-]+\.md#/));
    expect(answer.text).toMatch(mode === "bm25" ? /^Here is what the documentation says:/ : /^According to docs\//);
    expect(answer.replyMarkup?.inline_keyboard?.flat().map((b) => b.text)).toEqual(["Helpful", "Talk to a human"]);
    expect(tg.state.calls.some((c) => c.method === "sendChatAction" && c.chatId === alice.id)).toBe(true);

    // 2. A question the docs cannot answer opens a ticket.
    if (mode === "embeddings") {
      openai.setChatResponder(() => ({ answer: "I don't know.", confidence: 0.1, sources: [], needs_human: true }));
    }
    const escalated = await say("Zorblax quuxifier wibbles?", text(/I opened ticket #/));
    const ref = ticketOf(escalated);
    const tickets = await h.admin<{ tickets: { id: string; question: string }[] }>(
      "GET",
      "/api/admin/tickets?status=open",
    );
    const ticket = tickets.tickets.find((t) => t.id.startsWith(ref ?? "-"));
    expect(ticket?.question).toBe("Zorblax quuxifier wibbles?");

    // 3. The admin's reply reaches the follower, through the notification outbox.
    await h.admin("POST", `/api/admin/tickets/${ticket?.id}/replies`, { text: "Zorblax is not a Mimic feature." });
    const delivered = await tg.waitFor(
      (m) => m.chatId === alice.id && /^Reply from support on ticket #/.test(m.text ?? ""),
      { timeoutMs: 10_000 },
    );
    expect(delivered.text).toContain("Zorblax is not a Mimic feature.");

    // 4. The follower's answer lands in the same ticket.
    const added = await say("Thanks, understood.", text(/^Added to ticket #/));
    expect(ticketOf(added)).toBe(ref);
    const full = await h.admin<{ messages: { author: string; text: string }[] }>(
      "GET",
      `/api/admin/tickets/${ticket?.id}`,
    );
    // The model's uncertain answer is kept in the ticket too; quoted docs are not an answer of the bot's.
    const botAnswer = mode === "bm25" ? [] : ["bot"];
    expect(full.messages.map((m) => m.author)).toEqual(["follower", ...botAnswer, "admin", "follower"]);
    expect(full.messages.at(-1)?.text).toBe("Thanks, understood.");

    const answers = await prisma.supportAnswer.findMany({ orderBy: { createdAt: "asc" } });
    expect(answers.map((a) => a.retrieval)).toEqual([mode, mode]);
    if (mode === "bm25") expect(openai.requests).toEqual([]);
    else {
      expect(openai.stats().chatCalls).toBe(2);
      expect(openai.stats().embeddingCalls).toBeGreaterThan(embeddingsAfterIngest);
    }
  });
});
