import { describe, expect, it } from "vitest";
import { asksForHuman } from "./asks-for-human.ts";
import { asksForInvestmentAdvice } from "./investment-advice.ts";
import { redactSecrets } from "./redact.ts";

describe("redactSecrets", () => {
  it("removes API keys, labelled secrets, hex and base64 tokens", () => {
    const key = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    const r = redactSecrets(`my key is ${key} and secret: hunter2hunter2, also sk-abcdefghijklmnop1234`);
    expect(r.text).not.toContain(key);
    expect(r.text).not.toContain("hunter2hunter2");
    expect(r.text).not.toContain("sk-abcdefghijklmnop1234");
    expect(r.text).toContain("secret: [redacted secret]");
    expect(r.kinds).toEqual(expect.arrayContaining(["api key", "secret", "token"]));
    expect(redactSecrets("hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08").text).toBe(
      "hash [redacted token]",
    );
  });

  it("removes seed phrases of 12 and 24 words but keeps ordinary sentences", () => {
    const seed = "abandon ability able about above absent absorb abstract absurd abuse access accident";
    expect(redactSecrets(`words: ${seed}`)).toEqual({ text: "words: [redacted seed phrase]", kinds: ["seed phrase"] });
    expect(redactSecrets(`${seed} ${seed}`).text).toBe("[redacted seed phrase]");
    const sentence = "why does the order fail when the account has enough margin and the strategy sent a long";
    expect(redactSecrets(sentence)).toEqual({ text: sentence, kinds: [] });
  });

  it("removes a 2FA code standing alone, not numbers that belong to something", () => {
    expect(redactSecrets("my code is 123456").text).toBe("my code is [redacted 2fa code]");
    expect(redactSecrets("price 65000.123456 and error -2021 at 12:30").kinds).toEqual([]);
  });
});

describe("asksForHuman", () => {
  it.each([
    "I want to talk to a human",
    "agent",
    "can I speak to a real person?",
    "quiero hablar con un humano",
    "necesito un agente",
  ])("%s", (q) => expect(asksForHuman(q)).toBe(true));

  it.each(["how do I link Binance?", "what does the human-readable label field do in the settings page"])(
    "not: %s",
    (q) => expect(asksForHuman(q)).toBe(false),
  );
});

describe("asksForInvestmentAdvice", () => {
  it.each(["Which coin should I buy?", "should I short ETH now", "¿Qué moneda debería comprar?"])("%s", (q) =>
    expect(asksForInvestmentAdvice(q)).toBe(true),
  );
  it("not a settings question", () => expect(asksForInvestmentAdvice("how do I buy with risk sizing?")).toBe(false));
});
