import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../core/platform/logger.ts";
import type { SupportModel } from "../../../core/support/support-model.ts";
import type { RetrievedChunk } from "../../../core/support/support-types.ts";
import type { ButtonView, View } from "../kit/view.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";
import { askCommand } from "./ask.ts";
import { handleSupportDm } from "./ask-dm.ts";

const binance: RetrievedChunk = {
  source: "docs/discord.md",
  heading: "For followers > Linking Binance",
  anchor: "linking-binance",
  content: "Use /link exchange:binanceusdm and type the key and secret in the form.",
  score: 3,
};
const questions: string[] = [];
const model: SupportModel = {
  async answer(prompt) {
    questions.push(prompt.user);
    return {
      output: {
        answer: "Use /link exchange:binanceusdm.",
        confidence: 0.9,
        sources: ["docs/discord.md#linking-binance"],
        needs_human: false,
      },
      tokens: { prompt: 40, completion: 5 },
    };
  },
};

const buttonsOf = (view: View | undefined) =>
  (view?.rows ?? []).flatMap((r) => (Array.isArray(r) ? r : [])) as ButtonView[];

describe("/ask and DMs to the bot", () => {
  let kit: HandlerKit;
  beforeAll(async () => {
    kit = await createHandlerKit();
    kit.deps.support = {
      db: kit.db,
      retrieve: async () => [binance],
      model,
      clock: { now: () => new Date() },
      logger: silentLogger,
      docsUrl: "https://docs.example",
    };
  });
  afterAll(() => kit?.drop());

  it("answers privately with linked sources and two buttons: Helpful records feedback, a human opens a ticket", async () => {
    const me = await kit.caller("500");
    const res = await kit.command(askCommand, me, { question: "How do I link Binance?" });
    expect(res.answers[0]).toEqual({ kind: "defer" });
    expect(res.texts()).toEqual([
      "Use /link exchange:binanceusdm.\n\nSources: [Linking Binance](https://docs.example/docs/discord.md#linking-binance)",
    ]);
    const [helpful, human] = buttonsOf(res.lastView());
    expect([helpful?.label, human?.label]).toEqual(["Helpful", "Talk to a human"]);

    const thanks = await kit.component(askCommand, me, helpful?.id ?? "");
    expect(thanks.texts()).toEqual(["Thanks for the feedback!"]);
    const answer = await kit.db.supportAnswer.findFirstOrThrow({ where: { userId: me.userId } });
    expect(answer.helpful).toBe(true);

    const escalated = await kit.component(askCommand, me, human?.id ?? "");
    const ticket = await kit.db.supportTicket.findFirstOrThrow({ where: { userId: me.userId, status: "open" } });
    expect(escalated.texts()).toEqual([
      `Of course: I opened ticket #${ticket.id.slice(0, 8)} and a person from our team will answer you here.`,
    ]);
    expect(ticket).toMatchObject({ transport: "discord", reason: "asked_for_human" });
    // Somebody else's button does nothing to the answer.
    const other = await kit.caller("501");
    expect((await kit.component(askCommand, other, helpful?.id ?? "")).texts()[0]).toMatch(/no such answer/i);
  });

  it("a DM is a question, or the follower's answer on their open ticket; in their language", async () => {
    const sent: View[] = [];
    const dm = (content: string) => ({
      discordUserId: "502",
      displayName: "Ana",
      content,
      send: async (v: View) => void sent.push(v),
      typing: async () => undefined,
    });
    await kit.caller("502", { locale: "es-ES" });
    const before = questions.length;
    await handleSupportDm(dm("¿Cómo vinculo Binance?"), kit.deps);
    expect(questions.length).toBe(before + 1);
    expect(sent[0]?.embeds?.[0]?.description).toContain("Fuentes: [Linking Binance]");
    expect(buttonsOf(sent[0]).map((b) => b.label)).toEqual(["Útil", "Hablar con una persona"]);

    await kit.component(askCommand, await kit.caller("502", { locale: "es-ES" }), buttonsOf(sent[0])[1]?.id ?? "");
    await handleSupportDm(dm("Sigue fallando"), kit.deps);
    expect(questions.length).toBe(before + 1);
    expect(sent[1]?.text).toMatch(
      /^Añadido al ticket #[0-9a-f]{8}\.\n\nPara preguntar otra cosa al asistente, envía \/ask/,
    );
    const user = await kit.db.user.findUniqueOrThrow({ where: { discordId: "502" } });
    const ticket = await kit.db.supportTicket.findFirstOrThrow({
      where: { userId: user.id },
      include: { messages: { orderBy: { createdAt: "asc" } } },
    });
    expect(ticket.messages.at(-1)).toMatchObject({ author: "follower", text: "Sigue fallando" });
  });
});
