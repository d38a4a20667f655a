import { describe, expect, it } from "vitest";
import type { SupportReply } from "../../../core/support/support-types.ts";
import { notificationText } from "./notification-text.ts";
import { followerReplyText, ownTicketsText, supportButtons, supportReplyText, ticketRef } from "./support-text.ts";
import { wording } from "./translator.ts";

const en = wording().forLocale("en");
const es = wording().forLocale("es");
const link = {
  source: "docs/telegram.md",
  heading: "Binance",
  anchor: "binance",
  link: "https://x/docs/telegram.md#binance",
};
const base: SupportReply = {
  kind: "answer",
  answerId: "a1",
  text: "Send /link.",
  sources: [link],
  quotes: [],
  confidence: 0.9,
  ticketId: null,
  newTicket: false,
  escalated: null,
  redacted: [],
  offerTicket: false,
};
const TICKET = "0f1e2d3c-aaaa-bbbb-cccc-000000000000";

describe("support wording", () => {
  it("an answer with its sources, and the warning when something secret was removed", () => {
    expect(supportReplyText(base, en)).toBe("Send /link.\n\nSources: https://x/docs/telegram.md#binance");
    expect(supportReplyText({ ...base, redacted: ["api key"] }, es)).toMatch(/^Quité de tu mensaje/);
  });

  it("a ticket opened or added to, support unavailable, a refusal, a rate limit", () => {
    const low = { ...base, ticketId: TICKET, newTicket: true, escalated: "low_confidence" as const };
    expect(supportReplyText(low, en)).toContain("I opened ticket #0f1e2d3c");
    expect(supportReplyText({ ...low, newTicket: false }, en)).toContain("added this to your open ticket #0f1e2d3c");
    const down = { ...base, kind: "unavailable" as const, text: null, sources: [], ticketId: TICKET, newTicket: true };
    expect(supportReplyText(down, en)).toBe(
      "Support is unavailable right now, so I opened ticket #0f1e2d3c and a person will answer you here.",
    );
    expect(supportReplyText(down, es)).toMatch(/^El soporte no está disponible/);
    expect(supportReplyText({ ...base, kind: "refused", text: null, sources: [] }, en)).toMatch(/investment advice/);
    expect(supportReplyText({ ...base, kind: "rate_limited", text: null, sources: [] }, en)).toMatch(/this hour/);
  });

  it("quoted docs without a model, with a ticket offered", () => {
    const docs: SupportReply = {
      ...base,
      kind: "docs",
      text: null,
      quotes: [{ ...link, excerpt: "Send /link and pick Binance." }],
      offerTicket: true,
      confidence: null,
    };
    expect(supportReplyText(docs, en)).toBe(
      [
        "Here is what the documentation says:",
        "Binance\nSend /link and pick Binance.\nSource: https://x/docs/telegram.md#binance",
        'Not what you needed? Press "Talk to a human" and a person will answer you.',
      ].join("\n\n"),
    );
  });

  it("admin replies, messages and broadcasts as notifications; a new ticket for the admin chat as is", () => {
    expect(notificationText({ kind: "support_reply", ticketId: TICKET, text: "Fixed." }, en)).toBe(
      `Reply from support on ticket ${ticketRef(TICKET)}:\nFixed.`,
    );
    expect(notificationText({ kind: "support_message", text: "Hi", strategy: null }, es)).toBe(
      "Mensaje del equipo de Mimic:\nHi",
    );
    expect(notificationText({ kind: "support_message", text: "Hi", strategy: "BTC" }, en)).toContain(
      "followers of BTC",
    );
    expect(notificationText({ kind: "support_ticket", ticketId: TICKET, text: "New support ticket" }, es)).toBe(
      "New support ticket",
    );
  });

  it("a follower's open tickets", () => {
    expect(ownTicketsText([], en)).toBe("You have no open tickets. Ask a question any time.");
    const row = {
      id: TICKET,
      userId: "u",
      user: null,
      status: "open" as const,
      transport: "telegram" as const,
      reason: "needs_human",
      question: "my balance is wrong",
      confidence: null,
      messages: 2,
      createdAt: new Date("2026-12-07T01:00:00Z"),
      updatedAt: new Date(),
      closedAt: null,
    };
    expect(ownTicketsText([row], en)).toBe("Your open tickets:\n#0f1e2d3c · 2026-12-07 · my balance is wrong");
  });
  it("marks up sources the bot's way, escaping the wording around them; buttons only where they do something", () => {
    const html = { text: (s: string) => s.replace(/&/g, "&amp;"), link: () => '<a href="x">Binance</a>' };
    expect(supportReplyText({ ...base, text: "A & B" }, es, html)).toBe(
      'A &amp; B\n\nFuentes: <a href="x">Binance</a>',
    );
    expect(supportButtons(base, en).map((b) => b.action)).toEqual(["helpful", "human"]);
    expect(supportButtons({ ...base, ticketId: TICKET }, en).map((b) => b.label)).toEqual(["Helpful"]);
    expect(supportButtons({ ...base, kind: "rate_limited", answerId: null }, en)).toEqual([]);
    expect(followerReplyText({ ticketId: TICKET, redacted: [] }, "/ask", en)).toBe(
      "Added to ticket #0f1e2d3c.\n\nTo ask the assistant something else, send /ask followed by your question.",
    );
  });
});
