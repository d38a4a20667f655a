import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { type FakeChatRequest, promptText } from "../../test/fake-openai/default-responder.ts";
import { type FakeOpenAI, startFakeOpenAI } from "../../test/fake-openai/start-fake-openai.ts";
import { silentLogger } from "../platform/logger.ts";
import { escalateAnswer, markHelpful } from "./answer-feedback.ts";
import { answerQuestion } from "./answer-question.ts";
import { staticCorpusSource } from "./knowledge/corpus.ts";
import { retrieve } from "./retrieve.ts";
import { createSupportModel } from "./support-model.ts";
import type { RetrievedChunk, SupportDeps } from "./support-types.ts";

const binance: RetrievedChunk = {
  source: "docs/telegram.md",
  heading: "Linking an account > Binance",
  anchor: "binance",
  content: "Send /link, pick Binance and paste a trade-only API key and its secret. Withdrawals must be off.",
  score: 3,
};
const sizing: RetrievedChunk = {
  source: "docs/faq.md",
  heading: "What does risk sizing do?",
  anchor: "what-does-risk-sizing-do",
  content: "Risk sizing risks a percent of the account's balance between the entry and the stop-loss.",
  score: 2,
};
const KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

describe("answerQuestion", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let fake: FakeOpenAI;
  let deps: SupportDeps;
  const db = () => testDb.db.prisma;
  const chats = () => fake.requests.filter((r) => r.kind === "chat");
  const lastPrompt = () => promptText(chats().at(-1)?.body as FakeChatRequest);

  const follower = async () => {
    const user = await db().user.create({ data: { telegramId: String(Math.floor(Math.random() * 1e9)) } });
    await db().exchangeAccount.create({ data: { userId: user.id, exchange: "binanceusdm", label: "my main" } });
    return user.id;
  };
  const ask = (userId: string, question: string, over: Partial<SupportDeps> = {}) =>
    answerQuestion({ userId, question, transport: "telegram", locale: "en" }, { ...deps, ...over });

  beforeAll(async () => {
    testDb = await createTestDatabase();
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await fake?.close();
    await testDb?.drop();
  });
  beforeEach(() => {
    fake.setChatResponder(null);
    deps = {
      db: db(),
      retrieve: async () => [binance, sizing],
      retrieval: "embeddings",
      model: createSupportModel({
        apiKey: "sk-test",
        baseURL: fake.url,
        model: "gpt-test",
        maxRetries: 0,
        timeoutMs: 500,
      }),
      clock: { now: () => new Date() },
      logger: silentLogger,
      minConfidence: 0.6,
      adminChats: { telegram: "-100123", discord: "123456789012" },
      docsUrl: "https://github.com/mimic/mimic/blob/main",
    };
  });

  it("answers from the docs with a linked source, the follower's own data and nobody else's, and records it", async () => {
    const other = await db().user.create({ data: { displayName: "someone else" } });
    await db().exchangeAccount.create({ data: { userId: other.id, exchange: "bybit" } });
    const userId = await follower();
    const reply = await ask(userId, "How do I link Binance?");
    expect(reply).toMatchObject({ kind: "answer", ticketId: null, escalated: null, confidence: 0.9 });
    expect(reply.text).toContain("docs/telegram.md#binance");
    expect(reply.sources).toEqual([
      expect.objectContaining({ link: "https://github.com/mimic/mimic/blob/main/docs/telegram.md#binance" }),
    ]);
    const body = chats().at(-1)?.body as FakeChatRequest;
    expect(body.model).toBe("gpt-test");
    expect(body.response_format?.type).toBe("json_schema");
    expect(promptText(body)).toMatch(/investment advice/i);
    expect(lastPrompt()).toContain('"venue": "binanceusdm"');
    expect(lastPrompt()).not.toContain("bybit");
    // The label a follower typed is theirs, not something the model needs.
    expect(lastPrompt()).not.toContain("my main");
    const row = await db().supportAnswer.findUniqueOrThrow({ where: { id: reply.answerId ?? "" } });
    expect(row).toMatchObject({
      userId,
      confidence: 0.9,
      sources: ["docs/telegram.md#binance"],
      retrieval: "embeddings",
    });
    // Tokens as the server reported them, for the cost bounds.
    expect(row.promptTokens).toBeGreaterThan(100);
    expect(row.completionTokens).toBeGreaterThan(0);
  });

  it("sends a key-like string to the model redacted, and tells the follower", async () => {
    const userId = await follower();
    const reply = await ask(userId, `my api key is ${KEY} and my code is 123456, why is it refused?`);
    expect(JSON.stringify(chats().at(-1)?.body)).not.toContain(KEY);
    expect(JSON.stringify(chats().at(-1)?.body)).not.toContain("123456");
    expect(lastPrompt()).toContain("my api key is [redacted secret] and my code is [redacted 2fa code], why");
    expect(reply.redacted).toEqual(expect.arrayContaining(["secret", "2fa code"]));
    const row = await db().supportAnswer.findUniqueOrThrow({ where: { id: reply.answerId ?? "" } });
    expect(row.question).not.toContain(KEY);
  });

  it("opens a ticket, announced to the admin chats, when the model is unsure", async () => {
    fake.setChatResponder(() => ({
      answer: "Maybe.",
      confidence: 0.3,
      sources: ["docs/faq.md#what-does-risk-sizing-do"],
      needs_human: false,
    }));
    const userId = await follower();
    const reply = await ask(userId, "Why was my order sized so small?");
    expect(reply).toMatchObject({ kind: "answer", text: "Maybe.", escalated: "low_confidence", newTicket: true });
    const ticket = await db().supportTicket.findUniqueOrThrow({
      where: { id: reply.ticketId ?? "" },
      include: { messages: { orderBy: { createdAt: "asc" } } },
    });
    expect(ticket).toMatchObject({ status: "open", reason: "low_confidence", answer: "Maybe.", confidence: 0.3 });
    expect(ticket.messages.map((m) => m.author)).toEqual(["follower", "bot"]);
    expect(ticket.context).toMatchObject({ accounts: [{ venue: "binanceusdm", status: "active" }] });
    const posts = await db().notification.findMany({ where: { kind: "support_ticket", userId } });
    expect(posts.map((p) => (p.payload as { via: string }).via).sort()).toEqual(["discord", "telegram"]);
    expect((posts[0]?.payload as { text?: string } | undefined)?.text).toContain(
      `New support ticket ${ticket.id} (low_confidence)`,
    );
    // Another escalation adds to the open ticket instead of opening a second one.
    const again = await ask(userId, "And why is the stop so far?");
    expect(again).toMatchObject({ ticketId: ticket.id, newTicket: false });
    expect(await db().supportTicket.count({ where: { userId } })).toBe(1);
  });

  it("opens a ticket when the model asks for a human", async () => {
    fake.setChatResponder(() => ({
      answer: "A person must look at this.",
      confidence: 0.95,
      sources: ["docs/telegram.md#binance"],
      needs_human: true,
    }));
    const reply = await ask(await follower(), "My balance is wrong");
    expect(reply).toMatchObject({ escalated: "needs_human", text: "A person must look at this." });
    expect(reply.ticketId).not.toBeNull();
  });

  it("takes an answer citing what it was not given as confidence 0: a ticket, and no made-up text shown", async () => {
    fake.setChatResponder(() => ({
      answer: "Use /magic.",
      confidence: 0.99,
      sources: ["docs/secret.md#magic"],
      needs_human: false,
    }));
    const reply = await ask(await follower(), "How do I link Binance?");
    expect(reply).toMatchObject({
      kind: "answer",
      confidence: 0,
      escalated: "low_confidence",
      text: null,
      sources: [],
    });
    const ticket = await db().supportTicket.findUniqueOrThrow({ where: { id: reply.ticketId ?? "" } });
    expect(ticket.confidence).toBe(0);
  });

  it.each(["I want to talk to a human", "quiero hablar con un humano"])(
    "opens a ticket without asking the model when the follower asks for a person: %s",
    async (question) => {
      const before = chats().length;
      const reply = await ask(await follower(), question);
      expect(reply).toMatchObject({ kind: "human", escalated: "asked_for_human", newTicket: true });
      expect(reply.answerId).not.toBeNull();
      expect(chats().length).toBe(before);
    },
  );

  it("refuses investment advice without asking the model", async () => {
    const before = chats().length;
    const reply = await ask(await follower(), "Which coin should I buy?");
    expect(reply).toMatchObject({ kind: "refused", ticketId: null });
    expect(chats().length).toBe(before);
  });

  it.each([
    ["a 500", () => fake.failNext({ status: 500 }, { on: "chat" })],
    ["a 429", () => fake.failNext({ status: 429, retryAfterSec: 1 }, { on: "chat" })],
    ["a timeout", () => fake.failNext({ hangMs: 3000 }, { on: "chat" })],
    ["an answer that is not the JSON asked for", () => fake.setChatResponder(() => "Sure! Here you go.")],
  ])("%s: the follower hears support is unavailable and a ticket was opened", async (_, fail) => {
    fail();
    const userId = await follower();
    const reply = await ask(userId, "How do I link Binance?");
    expect(reply).toMatchObject({ kind: "unavailable", escalated: "model_unavailable", text: null, newTicket: true });
    const ticket = await db().supportTicket.findUniqueOrThrow({ where: { id: reply.ticketId ?? "" } });
    expect(ticket).toMatchObject({ userId, reason: "model_unavailable", status: "open" });
    expect(reply.answerId).not.toBeNull();
  });

  it("a failing retrieval also ends in a ticket and a plain unavailable, never an exception", async () => {
    const reply = await ask(await follower(), "How do I link Binance?", {
      retrieve: async () => {
        throw new Error("connection terminated");
      },
    });
    expect(reply).toMatchObject({ kind: "unavailable", escalated: "model_unavailable" });
    expect(reply.ticketId).not.toBeNull();
  });

  it("without a key, quotes the best BM25 sections with links and offers a ticket, making no request", async () => {
    const before = fake.requests.length;
    const corpus = staticCorpusSource(
      [binance, sizing].map((c, position) => ({ ...c, id: c.anchor, position, embedding: null, embeddingModel: null })),
    );
    const reply = await ask(await follower(), "how do I link my binance account?", {
      model: null,
      retrieval: undefined,
      retrieve: (input) => retrieve(input, { corpus }),
    });
    expect(reply).toMatchObject({ kind: "docs", offerTicket: true, ticketId: null, text: null });
    expect(reply.quotes[0]).toMatchObject({ source: "docs/telegram.md", anchor: "binance" });
    expect(reply.quotes[0]?.excerpt).toContain("trade-only API key");
    const row = await db().supportAnswer.findUniqueOrThrow({ where: { id: reply.answerId ?? "" } });
    expect(row.retrieval).toBe("bm25");
    expect(fake.requests.length).toBe(before);
  });

  it("without a key and with nothing matching, opens a ticket", async () => {
    const reply = await ask(await follower(), "zzz qqq", { model: null, retrieve: async () => [] });
    expect(reply).toMatchObject({ kind: "docs", quotes: [], escalated: "low_confidence" });
    expect(reply.ticketId).not.toBeNull();
  });

  it("limits questions per hour", async () => {
    const userId = await follower();
    for (let i = 0; i < 2; i++)
      expect((await ask(userId, "How do I link Binance?", { questionsPerHour: 2 })).kind).toBe("answer");
    expect(await ask(userId, "How do I link Binance?", { questionsPerHour: 2 })).toMatchObject({
      kind: "rate_limited",
      answerId: null,
    });
  });

  it("records Helpful, and Talk to a human opens a ticket once, for the answer's owner only", async () => {
    const userId = await follower();
    const reply = await ask(userId, "How do I link Binance?");
    const answerId = reply.answerId ?? "";
    await markHelpful({ answerId, userId }, deps);
    expect((await db().supportAnswer.findUniqueOrThrow({ where: { id: answerId } })).helpful).toBe(true);
    const stranger = await follower();
    await expect(markHelpful({ answerId, userId: stranger }, deps)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const first = await escalateAnswer({ answerId, userId, transport: "discord" }, deps);
    const second = await escalateAnswer({ answerId, userId, transport: "discord" }, deps);
    expect(first.created).toBe(true);
    expect(second).toEqual({ ticketId: first.ticketId, created: false });
    const ticket = await db().supportTicket.findUniqueOrThrow({ where: { id: first.ticketId } });
    expect(ticket).toMatchObject({
      reason: "asked_for_human",
      transport: "discord",
      sources: ["docs/telegram.md#binance"],
    });
  });
});
