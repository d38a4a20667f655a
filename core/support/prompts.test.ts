import { describe, expect, it } from "vitest";
import { buildPrompt } from "./build-prompt.ts";
import { loadPrompt, renderPrompt } from "./prompts.ts";
import { escalationText } from "./tickets/announce-ticket.ts";

const context = {
  accounts: [{ venue: "binanceusdm", status: "active" }],
  subscriptions: [],
  lastFailedExecution: null,
};

describe("prompts/", () => {
  it("renders the system prompt with its rules and no placeholder left", () => {
    const text = renderPrompt("system", { product: "Mimic" });
    expect(text).toMatch(/^You are the support assistant of Mimic/);
    expect(text).toMatch(/Never give investment advice/);
    expect(text).toMatch(/language the question is written in/);
    expect(text).not.toMatch(/\{\{|<!--/);
  });

  it("renders the answer template with the follower's data, the excerpts and the question", () => {
    const prompt = buildPrompt({
      question: "¿Cómo vinculo Binance?",
      chunks: [
        {
          source: "docs/telegram.md",
          heading: "Linking > Binance",
          anchor: "binance",
          content: "Send /link.",
          score: 1,
        },
      ],
      context,
    });
    expect(prompt.user).toContain('"venue": "binanceusdm"');
    expect(prompt.user).toContain("[source: docs/telegram.md#binance]\nLinking > Binance\nSend /link.");
    expect(prompt.user).toContain('"""\n¿Cómo vinculo Binance?\n"""');
    expect(prompt.user).not.toMatch(/\{\{/);
    expect(prompt.given).toHaveLength(1);
  });

  it("keeps the excerpts within their budget, leaving out whole chunks", () => {
    const big = (anchor: string) => ({
      source: "docs/a.md",
      heading: anchor,
      anchor,
      content: "x".repeat(7000),
      score: 1,
    });
    const prompt = buildPrompt({ question: "q", chunks: [big("one"), big("two"), big("three")], context });
    expect(prompt.given.map((c) => c.anchor)).toEqual(["one"]);
    expect(prompt.user).not.toContain("docs/a.md#two");
  });

  it("renders the escalation wording admins read", () => {
    const text = escalationText(
      {
        id: "t1",
        userId: "u1",
        transport: "discord",
        reason: "needs_human",
        question: "my balance is wrong",
        answer: null,
        sources: ["docs/faq.md#balance"],
        confidence: 0.42,
        context,
      },
      "Ana",
    );
    expect(text).toContain("New support ticket t1 (needs_human)\nFrom: Ana on discord");
    expect(text).toContain("Answer given (confidence 0.42):\n(none)");
    expect(text).toContain("Sources: docs/faq.md#balance");
    expect(text).toContain("POST /api/admin/tickets/t1/replies");
  });

  it("refuses a missing or an unknown placeholder", () => {
    expect(() => renderPrompt("system", {})).toThrow(/no value for \{\{product\}\}/);
    expect(() => renderPrompt("system", { product: "Mimic", extra: 1 })).toThrow(/no placeholder for extra/);
    expect(loadPrompt("answer")).toContain("{{question}}");
  });
});
