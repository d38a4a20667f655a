import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../core/platform/logger.ts";
import type { SupportModel } from "../../../core/support/support-model.ts";
import type { RetrievedChunk } from "../../../core/support/support-types.ts";
import { recordedBot } from "../test-support/recorded-bot.ts";

const binance: RetrievedChunk = {
  source: "docs/telegram.md",
  heading: "For followers > Linking Binance",
  anchor: "linking-binance",
  content: "Send /link, pick binanceusdm and paste a trade-only API key, then its secret.",
  score: 3,
};

// The model is injected: it answers from the chunk it was given, or asks for a human when told to.
const questions: string[] = [];
const model: SupportModel = {
  async answer(prompt) {
    questions.push(prompt.user);
    const unsure = prompt.user.includes("refund");
    return {
      output: {
        answer: unsure ? "I am not sure." : "Send /link & pick <binanceusdm>.",
        confidence: unsure ? 0.2 : 0.9,
        sources: ["docs/telegram.md#linking-binance"],
        needs_human: false,
      },
      tokens: { prompt: 40, completion: 2 },
    };
  },
};

// Handlers through bot.handleUpdate with core's support over the test database (test-support/recorded-bot.ts).
describe("telegram support", () => {
  const h = recordedBot({
    deps: (db) => ({
      support: {
        db,
        retrieve: async () => [binance],
        model,
        clock: { now: () => new Date() },
        logger: silentLogger,
        docsUrl: "https://docs.example",
      },
    }),
  });
  const { db, send, click, calls } = h;
  beforeAll(h.start);
  afterAll(h.stop);

  const sent = (result: Awaited<ReturnType<typeof send>>) => result.calls.filter((c) => c.method === "sendMessage");
  const buttons = (call: { payload: Record<string, unknown> } | undefined) =>
    (
      call?.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined
    )?.inline_keyboard.flat() ?? [];

  it("/support answers with linked sources and two buttons; Helpful records feedback; a human opens a ticket", async () => {
    const asked = await send("/support How do I link Binance?");
    expect(asked.calls[0]).toMatchObject({ method: "sendChatAction", payload: { action: "typing" } });
    const [answer] = sent(asked);
    expect(answer?.payload).toMatchObject({ parse_mode: "HTML" });
    expect(answer?.payload.text).toBe(
      'Send /link &amp; pick &lt;binanceusdm&gt;.\n\nSources: <a href="https://docs.example/docs/telegram.md#linking-binance">Linking Binance</a>',
    );
    const [helpful, human] = buttons(answer);
    expect([helpful?.text, human?.text]).toEqual(["Helpful", "Talk to a human"]);
    const row = await db().supportAnswer.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(helpful?.callback_data).toBe(`sup:helpful:${row.id}`);

    const thanks = await click(helpful?.callback_data ?? "");
    expect(thanks.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe("Thanks for the feedback!");
    expect((await db().supportAnswer.findUniqueOrThrow({ where: { id: row.id } })).helpful).toBe(true);
    // Somebody else's button (a forwarded message) records nothing.
    const eve = { id: 9191, is_bot: false, first_name: "Eve" };
    const [eves] = sent(await send("/support How do I link Binance?", { id: eve.id, type: "private" }, eve));
    const foreign = buttons(eves)[0]?.callback_data ?? "";
    const refused = await click(foreign);
    expect(refused.find((c) => c.method === "answerCallbackQuery")?.payload.text).toMatch(/no such answer/i);
    const eveAnswer = await db().supportAnswer.findUniqueOrThrow({ where: { id: foreign.split(":")[2] } });
    expect(eveAnswer.helpful).toBeNull();

    const escalated = await click(human?.callback_data ?? "");
    const ticket = await db().supportTicket.findFirstOrThrow({ where: { userId: row.userId, status: "open" } });
    expect(escalated.find((c) => c.method === "sendMessage")?.payload.text).toBe(
      `Of course: I opened ticket #${ticket.id.slice(0, 8)} and a person from our team will answer you here.`,
    );
    expect(ticket).toMatchObject({ reason: "asked_for_human", question: "How do I link Binance?" });

    expect((await send("/ticket")).replies).toEqual([
      `Your open tickets:\n#${ticket.id.slice(0, 8)} · ${ticket.createdAt.toISOString().slice(0, 10)} · How do I link Binance?`,
    ]);
    // With the ticket open, what the follower writes is their answer to the person helping them.
    const answered = await send("It still fails with my key abcd1234efgh5678ijkl9012mnop3456qrst7890");
    expect(answered.replies[0]).toMatch(/^I removed something that looked like a key/);
    expect(answered.replies[0]).toContain(`Added to ticket #${ticket.id.slice(0, 8)}.`);
    expect(answered.replies[0]).toContain("/support");
    const messages = await db().supportMessage.findMany({
      where: { ticketId: ticket.id },
      orderBy: { createdAt: "asc" },
    });
    expect(messages.at(-1)).toMatchObject({ author: "follower" });
    expect(messages.at(-1)?.text).not.toContain("abcd1234efgh5678ijkl9012mnop3456qrst7890");
  });

  it("DM text is a question only when no flow is open; a question the docs cannot settle opens a ticket", async () => {
    const ana = { id: 5151, is_bot: false, first_name: "Ana" };
    const chat = { id: ana.id, type: "private" as const };
    await send("/2fa", chat, ana);
    const before = questions.length;
    // The open /2fa flow takes it as a code.
    const inFlow = await send("how do I get a refund?", chat, ana);
    expect(inFlow.replies[0]).not.toMatch(/ticket/);
    expect(questions.length).toBe(before);
    await send("/cancel", chat, ana);

    const asked = await send("how do I get a refund?", chat, ana);
    expect(questions.length).toBe(before + 1);
    expect(sent(asked)[0]?.payload.text).toMatch(/I am not sure\.[\s\S]*I opened ticket #[0-9a-f]{8} for our team/);
    // A ticket took it already: only "Helpful" is offered.
    expect(buttons(sent(asked)[0]).map((b) => b.text)).toEqual(["Helpful"]);
    const user = await db().user.findUniqueOrThrow({ where: { telegramId: String(ana.id) } });
    expect(await db().supportTicket.count({ where: { userId: user.id, reason: "low_confidence" } })).toBe(1);
  });

  it("/support without a question says how; in a group it points to the DM", async () => {
    expect((await send("/support")).replies[0]).toMatch(/^Send \/support followed by your question/);
    expect((await send("/support hi", { id: -77, type: "group" })).replies[0]).toMatch(/private chat/);
    expect(calls.length).toBeGreaterThan(0);
  });
});
