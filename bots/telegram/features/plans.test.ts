import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordedBot } from "../test-support/recorded-bot.ts";
import { buyData } from "./plans.ts";

// Without PLISIO_SECRET_KEY (no `payments` in the deps): the plans are listed all the same, with no button.
// test/e2e/plisio-telegram.test.ts buys one with payments on.
describe("telegram /plans without Plisio", () => {
  const h = recordedBot();
  const { db, send, click } = h;
  let planId: string;
  beforeAll(async () => {
    await h.start();
    await send("/start");
    planId = (await db().plan.create({ data: { name: "Pro", priceUsd: "29.99", periodDays: 30, allStrategies: true } }))
      .id;
  });
  afterAll(h.stop);

  it("lists the plans and says payments are not configured", async () => {
    const { calls } = await send("/plans");
    const reply = calls.find((c) => c.method === "sendMessage");
    expect(reply?.payload.text).toBe(
      [
        "Pro: 29.99 USD for 30 days\nIncludes every premium strategy",
        "Payments are not configured on this Mimic yet: an admin can still grant you a plan.",
      ].join("\n\n"),
    );
    expect(reply?.payload.reply_markup).toBeUndefined();
  });

  it("a stale Buy button creates nothing and says so", async () => {
    const calls = await click(buyData(planId));
    expect(calls.filter((c) => c.method === "sendMessage").map((c) => c.payload.text)).toEqual([
      "Payments are not configured on this Mimic yet: an admin can still grant you a plan.",
    ]);
    expect(await db().payment.count()).toBe(0);
  });
});
