import { describe, expect, it } from "vitest";
import { seedPaperFollowers } from "../../harness.ts";
import { paperTradeSuite } from "./paper-trade-suite.ts";

type Order = {
  kind: string;
  leg: number;
  status: string;
  triggerPrice: string | null;
  limitPrice: string | null;
  requestedAmount: string;
};
type TradeView = {
  status: string;
  openAmount: string;
  entryPrice: string | null;
  closeReason: string | null;
  orders: Order[];
};
type Execution = { status: string; error?: string };

// Paper accounts simulate entry zones and DCA orders from the same price feed as their fills: the paper tick fills
// a resting limit the price reaches, at its own price, and reconciliation protects what it bought.
describe("entry zones and DCA on paper accounts", () => {
  const { ctx, moveAndFollow, send } = paperTradeSuite();

  const trade = async (accountId: string) =>
    (await ctx.h.admin<{ trades: TradeView[] }>("GET", `/api/admin/accounts/${accountId}/trades`)).trades[0];
  const execution = async (signalId: string) =>
    (await ctx.h.admin<{ executions: Execution[] }>("GET", `/api/admin/signals/${signalId}`)).executions[0];
  const legs = (t: TradeView | undefined, kind: string) =>
    (t?.orders ?? [])
      .filter((o) => o.kind === kind)
      .sort((a, b) => a.leg - b.leg)
      .map((o) => [o.status, o.triggerPrice ?? o.limitPrice, o.requestedAmount]);

  it("a zone's entries fill as the price reaches them, each protected; the whole zone ends the execution as filled", async () => {
    const { strategy, followers } = await seedPaperFollowers(ctx.h, 1, { mode: "fixed", value: "5925" });
    const accountId = followers[0]?.accountId as string;
    const signalId = await send(strategy, {
      action: "long",
      entries: [
        { price: 59500, size_perc: 50 },
        { price: 59000, size_perc: 50 },
      ],
      sl_price: 58000,
      take_profits: [{ perc: 2, size_perc: 100 }],
    });
    expect(await execution(signalId)).toMatchObject({ status: "placed" });
    expect(legs(await trade(accountId), "entry")).toEqual([
      ["open", "59500", "0.05"],
      ["open", "59000", "0.05"],
    ]);

    await moveAndFollow("59400");
    let t = await trade(accountId);
    expect(t).toMatchObject({ status: "open", openAmount: "0.05", entryPrice: "59500" });
    expect(legs(t, "take_profit")).toEqual([["open", "60690", "0.05"]]);
    expect(legs(t, "stop_loss")).toEqual([["open", "58000", "0.05"]]);

    await moveAndFollow("58950");
    t = await trade(accountId);
    expect(t).toMatchObject({ openAmount: "0.1", entryPrice: "59250" });
    // Placed again for all of it, from the new average: 59250 × 1.02.
    expect(legs(t, "take_profit")).toEqual([
      ["canceled", "60690", "0.05"],
      ["open", "60435", "0.1"],
    ]);
    expect(legs(t, "stop_loss").at(-1)).toEqual(["open", "58000", "0.1"]);
    expect(await execution(signalId)).toMatchObject({ status: "filled" });

    await moveAndFollow("60500");
    t = await trade(accountId);
    expect(t).toMatchObject({ status: "closed", closeReason: "take_profit", openAmount: "0" });
  });

  it("DCA on paper: the safety order fills at its step and the stop follows the new average", async () => {
    const { strategy, followers } = await seedPaperFollowers(ctx.h, 1, { mode: "fixed", value: "3000" });
    const accountId = followers[0]?.accountId as string;
    await send(strategy, { action: "short", sl_perc: 5, tp_perc: 2, dca: { orders: 1, step_perc: 1 } });
    expect(legs(await trade(accountId), "dca")).toEqual([["open", "60600", "0.05"]]);
    await moveAndFollow("60650");
    const t = await trade(accountId);
    expect(t).toMatchObject({ openAmount: "0.1", entryPrice: "60300" });
    expect(legs(t, "take_profit").at(-1)).toEqual(["open", "59094", "0.1"]);
    expect(legs(t, "stop_loss").at(-1)).toEqual(["open", "63315", "0.1"]);
  });
});
