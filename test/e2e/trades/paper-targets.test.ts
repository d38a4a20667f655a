import { describe, expect, it } from "vitest";
import { seedPaperFollowers } from "../../harness.ts";
import { paperTradeSuite } from "./paper-trade-suite.ts";

type Order = { kind: string; leg: number; status: string; triggerPrice: string | null; requestedAmount: string };
type TradeView = {
  status: string;
  openAmount: string;
  exitPrice: string | null;
  realisedPnl: string;
  closeReason: string | null;
  stopPrice: string | null;
  targetsHit: number;
  orders: Order[];
};

// Paper accounts simulate several targets and moving stops from the same price feed as their fills: the paper tick
// triggers the targets and stops the price crosses, and reconciliation follows them and trails the stop.
describe("take-profit ladders and moving stops on paper accounts", () => {
  const { ctx, moveAndFollow, send } = paperTradeSuite();

  const trade = async (accountId: string) =>
    (await ctx.h.admin<{ trades: TradeView[] }>("GET", `/api/admin/accounts/${accountId}/trades`)).trades[0];
  const legs = (t: TradeView | undefined, kind: string) =>
    (t?.orders ?? [])
      .filter((o) => o.kind === kind)
      .sort((a, b) => a.leg - b.leg)
      .map((o) => [o.status, o.triggerPrice, o.requestedAmount]);

  it("a three-target ladder with breakeven: targets fill at their prices, the stop goes to the entry and closes the rest", async () => {
    const { strategy, followers } = await seedPaperFollowers(ctx.h, 1, { mode: "fixed", value: "6000" });
    const accountId = followers[0]?.accountId as string;
    await send(strategy, {
      action: "long",
      sl_perc: 2,
      take_profits: [
        { perc: 1, size_perc: 50 },
        { perc: 2, size_perc: 30 },
        { perc: 3, size_perc: 20 },
      ],
      trailing: { mode: "breakeven" },
    });
    expect(legs(await trade(accountId), "take_profit")).toEqual([
      ["open", "60600", "0.05"],
      ["open", "61200", "0.03"],
      ["open", "61800", "0.02"],
    ]);

    await moveAndFollow("60650");
    let t = await trade(accountId);
    expect(t).toMatchObject({ openAmount: "0.05", targetsHit: 1, stopPrice: "60000" });
    expect(legs(t, "stop_loss")).toEqual([
      ["canceled", "58800", "0.1"],
      ["open", "60000", "0.05"],
    ]);

    await moveAndFollow("61250");
    t = await trade(accountId);
    expect(t).toMatchObject({ openAmount: "0.02", targetsHit: 2 });
    expect(legs(t, "stop_loss").at(-1)).toEqual(["open", "60000", "0.02"]);

    await moveAndFollow("59950");
    t = await trade(accountId);
    expect(t).toMatchObject({ status: "closed", closeReason: "stop_loss", openAmount: "0" });
    expect(legs(t, "take_profit").map((l) => l[0])).toEqual(["filled", "filled", "canceled"]);
    // Paper fills a trigger at its trigger price: 0.05 × 600 + 0.03 × 1200 + 0.02 × 0.
    expect(Number(t?.realisedPnl)).toBeCloseTo(30 + 36, 6);
    expect(await ctx.testDb.db.prisma.paperOrder.count({ where: { accountId, status: "open" } })).toBe(0);
    const position = await ctx.testDb.db.prisma.paperPosition.findFirst({ where: { accountId } });
    expect(position?.contracts.toString()).toBe("0");
  });

  it("a percent trailing stop trails the paper price once activated and never loosens", async () => {
    const { strategy, followers } = await seedPaperFollowers(ctx.h, 1, { mode: "fixed", value: "6000" });
    const accountId = followers[0]?.accountId as string;
    await send(strategy, {
      action: "short",
      sl_perc: 2,
      trailing: { mode: "percent", distance_perc: 1, activation_perc: 1 },
    });
    const stops = async () => legs(await trade(accountId), "stop_loss").map((l) => [l[0], l[1]]);
    await moveAndFollow("59500");
    expect(await stops()).toEqual([["open", "61200"]]);
    await moveAndFollow("59000");
    await moveAndFollow("58500");
    await moveAndFollow("58800");
    expect(await stops()).toEqual([
      ["canceled", "61200"],
      ["canceled", "59590"],
      ["open", "59085"],
    ]);
    await moveAndFollow("59100");
    const t = await trade(accountId);
    expect(t).toMatchObject({ status: "closed", closeReason: "stop_loss", exitPrice: "59085" });
    expect(Number(t?.realisedPnl)).toBeCloseTo(0.1 * 915, 6);
  });

  it("a follower who turned trailing off keeps the stop where it was placed, whatever the signal says", async () => {
    const { strategy, followers } = await seedPaperFollowers(ctx.h, 1, { mode: "fixed", value: "6000" });
    const { accountId, subscriptionId } = followers[0] as { accountId: string; subscriptionId: string };
    await ctx.testDb.db.prisma.subscription.update({ where: { id: subscriptionId }, data: { trailingMode: "off" } });
    await send(strategy, {
      action: "long",
      sl_perc: 2,
      take_profits: [
        { perc: 1, size_perc: 50 },
        { perc: 2, size_perc: 50 },
      ],
      trailing: { mode: "breakeven" },
    });
    await moveAndFollow("60650");
    const t = await trade(accountId);
    // Resized to what is left, not moved.
    expect(t).toMatchObject({ openAmount: "0.05", targetsHit: 1 });
    expect(legs(t, "stop_loss").at(-1)).toEqual(["open", "58800", "0.05"]);
  });
});
