import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { subscribe } from "../copying/subscribe.ts";
import { createStrategy } from "../strategies/create-strategy.ts";
import { followStrategy } from "../subscriptions/follow-strategy.ts";
import { assertAccountLimit } from "./account-limit.ts";
import { planCoverage } from "./plan-coverage.ts";

const DAY = 86_400_000;

describe("premium strategies", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  const clock = { now: () => new Date() };
  const follower = async (plan?: { id: string; untilMs: number }) => {
    const db = testDb.db.prisma;
    const user = await db.user.create({
      data: plan ? { planId: plan.id, planActiveUntil: new Date(Date.now() + plan.untilMs) } : {},
    });
    const account = await db.exchangeAccount.create({ data: { userId: user.id, exchange: "paper" } });
    return { userId: user.id, accountId: account.id };
  };
  const sizing = { mode: "risk" as const };

  it("refuses a premium strategy without a plan that covers it, naming the plans on sale; lets a free one through", async () => {
    const db = testDb.db.prisma;
    const deps = { db, clock };
    const free = await createStrategy({ name: "Free one" }, deps);
    const premium = await createStrategy({ name: "Gold one" }, deps);
    const pro = await db.plan.create({
      data: { name: "Pro", priceUsd: "29", periodDays: 30, strategies: { create: { strategyId: premium.id } } },
    });
    await db.plan.create({
      data: {
        name: "Old",
        priceUsd: "5",
        periodDays: 30,
        active: false,
        strategies: { create: { strategyId: premium.id } },
      },
    });
    const other = await db.plan.create({ data: { name: "Other", priceUsd: "9", periodDays: 30 } });

    const nobody = await follower();
    expect(await planCoverage({ userId: nobody.userId, strategyId: free.id }, deps)).toMatchObject({ premium: false });
    await subscribe({ accountId: nobody.accountId, strategy: free.slug, sizing }, deps);
    const refusal = subscribe({ accountId: nobody.accountId, strategy: premium.slug, sizing }, deps);
    await expect(refusal).rejects.toMatchObject({
      code: "FORBIDDEN",
      details: { wording: "plan-access-required", wordingArgs: { strategy: "Gold one", plans: "Pro" } },
    });

    const lapsed = await follower({ id: pro.id, untilMs: -1000 });
    await expect(
      subscribe({ accountId: lapsed.accountId, strategy: premium.slug, sizing }, deps),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const wrongPlan = await follower({ id: other.id, untilMs: DAY });
    await expect(
      subscribe({ accountId: wrongPlan.accountId, strategy: premium.slug, sizing }, deps),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const holder = await follower({ id: pro.id, untilMs: DAY });
    await expect(subscribe({ accountId: holder.accountId, strategy: premium.slug, sizing }, deps)).resolves.toEqual({
      id: expect.any(String),
    });
  });

  it("gates a revived subscription too, and an all-strategies plan makes every strategy premium", async () => {
    const db = testDb.db.prisma;
    const deps = { db, clock };
    const strategy = await createStrategy({ name: "Revived" }, deps);
    const { userId, accountId } = await follower();
    await db.subscription.create({
      data: { accountId, strategyId: strategy.id, sizingMode: "risk", status: "ended" },
    });
    const all = await db.plan.create({
      data: { name: "Everything", priceUsd: "99", periodDays: 30, allStrategies: true },
    });
    const input = { userId, accountId, strategy: strategy.slug, sizing };
    await expect(followStrategy(input, deps)).rejects.toMatchObject({
      details: { wordingArgs: { plans: expect.stringContaining("Everything") } },
    });
    await db.user.update({
      where: { id: userId },
      data: { planId: all.id, planActiveUntil: new Date(Date.now() + DAY) },
    });
    await expect(followStrategy(input, deps)).resolves.toEqual({ id: expect.any(String) });
    await db.plan.delete({ where: { id: all.id } });
  });

  it("caps linked accounts at the plan's maxAccounts", async () => {
    const db = testDb.db.prisma;
    const plan = await db.plan.create({ data: { name: "Solo", priceUsd: "9", periodDays: 30, maxAccounts: 1 } });
    const { userId } = await follower({ id: plan.id, untilMs: DAY });
    await expect(assertAccountLimit({ userId }, { db })).rejects.toMatchObject({
      code: "FORBIDDEN",
      details: { wording: "plan-access-account-limit", wordingArgs: { plan: "Solo", max: 1 } },
    });
    const unlimited = await follower();
    await expect(assertAccountLimit({ userId: unlimited.userId }, { db })).resolves.toBeUndefined();
  });
});
