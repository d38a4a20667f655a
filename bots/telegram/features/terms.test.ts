import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TermsGate } from "../../../core/community/terms/terms-gate.ts";
import { recordedBot } from "../test-support/recorded-bot.ts";

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
const buttonsOf = (calls: { method: string; payload: Record<string, unknown> }[]) =>
  calls.flatMap((c) => ((c.payload.reply_markup as Keyboard | undefined)?.inline_keyboard ?? []).flat());
const textsOf = (calls: { method: string; payload: Record<string, unknown> }[]) =>
  calls.filter((c) => c.method === "sendMessage" || c.method === "editMessageText").map((c) => String(c.payload.text));

// The gate in front of /link and /subscribe (features/terms.ts), through bot.handleUpdate with every call recorded.
describe("telegram: the terms and the country before anything touches money", () => {
  const gate: TermsGate = { version: "aaaaaaaaaaaa", url: "https://terms.example/terms", blockedCountries: ["KP"] };
  const h = recordedBot({ deps: () => ({ terms: { ...gate } }) });
  const { send, click, db } = h;
  beforeAll(h.start);
  afterAll(h.stop);
  const me = () => db().user.findFirstOrThrow({ where: { telegramId: String(h.from.id) } });

  it("/link before consent asks for the terms first, then the country, then goes on with /link", async () => {
    const first = await send("/link");
    expect(first.replies).toHaveLength(1);
    expect(first.replies[0]).toMatch(/^Before you link an account or follow a strategy, please read/);
    expect(first.replies[0]).toMatch(/not investment advice/);
    expect(first.replies[0]).toMatch(/The full terms: https:\/\/terms\.example\/terms/);
    expect(buttonsOf(first.calls)).toEqual([{ text: "I accept", callback_data: "terms:ok:aaaaaaaaaaaa" }]);
    expect((await me()).termsVersion).toBeNull();

    const accepted = await click("terms:ok:aaaaaaaaaaaa");
    expect(textsOf(accepted)).toEqual([
      "Thank you: you accepted the terms (version aaaaaaaaaaaa).",
      expect.stringMatching(/^Where do you live\?/),
    ]);
    expect(buttonsOf(accepted)).toContainEqual({ text: "United States", callback_data: "terms:c:US" });
    const user = await me();
    expect(user.termsVersion).toBe("aaaaaaaaaaaa");
    expect(user.termsAcceptedAt).toBeInstanceOf(Date);

    // Typing searches the list: by a name in any case and without accents, or by code.
    const found = await send("deutschland");
    expect(buttonsOf(found.calls)).toEqual([{ text: "Germany (DE)", callback_data: "terms:c:DE" }]);
    expect((await send("cote d'ivoire")).replies[0]).toMatch(/Countries matching/);
    expect((await send("zzzz")).replies).toEqual([
      "No country matches “zzzz”. Type another name, or a two-letter code such as DE.",
    ]);

    const declared = await click("terms:c:DE");
    expect(textsOf(declared)).toEqual([
      "Country of residence: Germany (DE).",
      "All set. Continuing with /link.",
      "Which exchange?",
    ]);
    expect(buttonsOf(declared).map((b) => b.callback_data)).toEqual(["link:paper", "link:binanceusdm"]);
    expect((await me()).country).toBe("DE");
    const audit = await db().auditLog.findMany({ where: { userId: user.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ["terms.accepted", { version: "aaaaaaaaaaaa" }],
      ["country.declared", { country: "DE", previous: null }],
    ]);

    // Through once: /link asks nothing more.
    expect((await send("/link")).replies).toEqual(["Which exchange?"]);
  });

  it("asks again when the terms change, refuses the old version's button, and /subscribe goes on", async () => {
    gate.version = "bbbbbbbbbbbb";
    h.restart();
    const asked = await send("/subscribe");
    expect(asked.replies[0]).toMatch(/^Mimic's terms of service changed since you accepted them/);
    const stale = await click("terms:ok:aaaaaaaaaaaa");
    expect(textsOf(stale)).toEqual(["The terms changed a moment ago. Here are the new ones.", expect.any(String)]);
    expect(buttonsOf(stale)).toEqual([{ text: "I accept", callback_data: "terms:ok:bbbbbbbbbbbb" }]);
    expect((await me()).termsVersion).toBe("aaaaaaaaaaaa");
    const accepted = await click("terms:ok:bbbbbbbbbbbb");
    // The country is known already: straight on to /subscribe (which wants an account first).
    expect(textsOf(accepted)).toEqual([
      "Thank you: you accepted the terms (version bbbbbbbbbbbb).",
      "All set. Continuing with /subscribe.",
      expect.stringMatching(/^Link an account first/),
    ]);
  });

  it("refuses linking politely in a blocked country; /panic still answers; /terms shows the state", async () => {
    await send("/terms");
    await click("terms:cc");
    const blocked = await click("terms:c:KP");
    expect(textsOf(blocked)).toEqual([
      "Country of residence: North Korea (KP).",
      expect.stringMatching(/^Sorry: Mimic does not link accounts or follow strategies for residents of North Korea/),
    ]);
    const before = await h.counts();
    const link = await send("/link");
    expect(link.replies).toEqual([expect.stringMatching(/^Sorry: Mimic does not link accounts/)]);
    expect(buttonsOf(link.calls)).toEqual([]);
    // An exchange button of an older /link is refused the same way.
    expect(textsOf(await click("link:paper"))).toEqual([expect.stringMatching(/^Sorry/)]);
    // So is a daily limit under /accounts (removing an account is not gated).
    expect(textsOf(await click(`acc:gl:${crypto.randomUUID()}`))).toEqual([expect.stringMatching(/^Sorry/)]);
    expect(await h.counts()).toEqual(before);
    expect((await send("/panic")).replies[0]).toMatch(/needs two-factor/);

    const terms = await send("/terms");
    expect(terms.replies[0]).toMatch(
      /You accepted these terms \(version bbbbbbbbbbbb\) on \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
    );
    expect(terms.replies[0]).toMatch(/Country of residence: North Korea \(KP\)\./);
    expect(buttonsOf(terms.calls)).toEqual([{ text: "Change country", callback_data: "terms:cc" }]);
  });
});
