import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TermsGate } from "../../../core/community/terms/terms-gate.ts";
import { createStrategy } from "../../../core/strategies/create-strategy.ts";
import { recordedBot } from "../test-support/recorded-bot.ts";

const textsOf = (calls: { method: string; payload: Record<string, unknown> }[]) =>
  calls.filter((c) => c.method === "sendMessage" || c.method === "editMessageText").map((c) => String(c.payload.text));

// /subscribe to a premium strategy (core/billing): refused as soon as it is chosen, naming the plan that covers it.
describe("telegram: subscribing to a premium strategy", () => {
  const gate: TermsGate = { version: "aaaaaaaaaaaa", url: "https://terms.example/terms", blockedCountries: [] };
  const h = recordedBot({ deps: () => ({ terms: gate }) });
  const { send, click, db } = h;
  beforeAll(h.start);
  afterAll(h.stop);

  it("is refused without a plan, in the shared wording, and goes on once the plan covers it", async () => {
    await send("/start");
    const user = await db().user.update({
      where: { telegramId: String(h.from.id) },
      data: { termsVersion: gate.version, country: "DE" },
    });
    await db().exchangeAccount.create({ data: { userId: user.id, exchange: "paper" } });
    const strategy = await createStrategy({ name: "Gold signals" }, { db: db() });
    const plan = await db().plan.create({
      data: { name: "Pro", priceUsd: "29", periodDays: 30, strategies: { create: { strategyId: strategy.id } } },
    });

    await send("/subscribe");
    const refused = await click(`sub:st:${strategy.id}`);
    expect(textsOf(refused)).toEqual([
      expect.stringMatching(/^Gold signals is a premium strategy: it needs an active plan that includes it \(Pro\)/),
    ]);

    await db().user.update({
      where: { id: user.id },
      data: { planId: plan.id, planActiveUntil: new Date(Date.now() + 86_400_000) },
    });
    await send("/subscribe");
    const allowed = await click(`sub:st:${strategy.id}`);
    expect(textsOf(allowed)).toEqual([expect.stringMatching(/account/i)]);
  });
});
