import { describe, expect, it } from "vitest";
import { paymentNoticeText } from "./plans-text.ts";
import { wording } from "./translator.ts";

describe("payment notifications", () => {
  const base = { kind: "payment" as const, plan: "Pro", amountUsd: "29.99", activeUntil: null, received: null };
  const en = wording().forLocale("en");

  it("says until when a paid plan is active", () => {
    const until = new Date("2027-01-06T12:30:00Z");
    expect(paymentNoticeText({ ...base, outcome: "completed", activeUntil: until }, en)).toBe(
      "Payment received: Pro is active until 2027-01-06 12:30 UTC.",
    );
  });

  it("says what an underpaid invoice received, and that an unpaid one expired", () => {
    const underpaid = { ...base, outcome: "expired" as const, received: { amount: "0.0001", currency: "BTC" } };
    expect(paymentNoticeText(underpaid, en)).toMatch(/expired underpaid: Plisio received 0\.0001 BTC, less than/);
    expect(paymentNoticeText(underpaid, wording().forLocale("es"))).toMatch(/Plisio recibió 0\.0001 BTC/);
    expect(paymentNoticeText({ ...base, outcome: "expired" }, en)).toBe(
      "Your invoice for Pro (29.99 USD) expired unpaid. Send /plans to start again.",
    );
  });
});
