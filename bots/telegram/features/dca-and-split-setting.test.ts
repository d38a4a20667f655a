import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordedBot } from "../test-support/recorded-bot.ts";

type Call = { method: string; payload: Record<string, unknown> };
type Markup = { inline_keyboard: { text: string; callback_data: string }[][] } | undefined;
const keysOf = (payload: Record<string, unknown> | undefined) =>
  ((payload?.reply_markup as Markup)?.inline_keyboard ?? []).flat();
const editOf = (calls: Call[]) => calls.filter((c) => c.method === "editMessageText").map((c) => c.payload)[0];

// Handlers through bot.handleUpdate, every outbound API call recorded (test-support/recorded-bot.ts).
describe("telegram /settings: DCA on/off and the take-profit split", () => {
  const h = recordedBot();
  const { from, db, send, click } = h;
  let sub: { id: string };
  beforeAll(async () => {
    await h.start();
    await send("/start");
    const user = await db().user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
    const account = await db().exchangeAccount.create({ data: { userId: user.id, exchange: "paper", label: "dca" } });
    const strategy = await db().strategy.create({ data: { name: "Laddered", slug: "laddered", passphraseHash: "x" } });
    sub = await db().subscription.create({
      data: { accountId: account.id, strategyId: strategy.id, sizingMode: "fixed", sizingValue: "100" },
    });
  });
  afterAll(h.stop);
  const row = () => db().subscription.findUniqueOrThrow({ where: { id: sub.id } });

  it("shows DCA on and the signal's targets, and a tap turns DCA off and on again", async () => {
    const shown = editOf(await click(`set:${sub.id}`));
    expect(String(shown?.text)).toMatch(
      /\nTake-profit split: the signal's targets\nDCA orders: on, the signal's safety orders are placed\nTrailing stop/,
    );
    const keys = keysOf(shown);
    expect(keys).toContainEqual({ text: "DCA: on", callback_data: `set:dca:off:${sub.id}` });
    expect(keys).toContainEqual({ text: "Take-profit split", callback_data: `set:ts:${sub.id}` });

    const off = editOf(await click(`set:dca:off:${sub.id}`));
    expect(String(off?.text)).toBe("Saved.\nDCA orders: off, only the entry is placed");
    expect((await row()).dcaEnabled).toBe(false);
    expect(keysOf(off).map((k) => [k.text, k.callback_data])).toEqual([
      ["DCA: off", `set:dca:on:${sub.id}`],
      ["Back", `set:${sub.id}`],
    ]);
    // The button carries the value it sets: an old "off" button pressed again leaves it off.
    await click(`set:dca:off:${sub.id}`);
    expect((await row()).dcaEnabled).toBe(false);
    expect(keysOf(editOf(await click(`set:${sub.id}`)))).toContainEqual({
      text: "DCA: off",
      callback_data: `set:dca:on:${sub.id}`,
    });
    await click(`set:dca:on:${sub.id}`);
    expect((await row()).dcaEnabled).toBe(true);
  });

  it("saves a typed split, repeats the problem of a wrong one without changing it, and 'signal' clears it", async () => {
    const ask = editOf(await click(`set:ts:${sub.id}`));
    expect(String(ask?.text)).toMatch(/^Take-profit split: the signal's targets\nSend your take-profit targets/);

    expect((await send("1.5:50 3:30 5:20")).replies[0]).toMatch(
      /^Saved\.\n[\s\S]*Take-profit split: 1\.5% \(50%\), 3% \(30%\), 5% \(20%\)\n/,
    );
    expect((await row()).takeProfitSplit).toEqual([
      { perc: "1.5", sizePerc: "50" },
      { perc: "3", sizePerc: "30" },
      { perc: "5", sizePerc: "20" },
    ]);

    // Wrong twice: each time the problem and the question again; the flow stays, the saved split too.
    await click(`set:ts:${sub.id}`);
    expect((await send("2:60 4:60")).replies[0]).toMatch(
      /^That split is not valid: shares must add up to at most 100 \(they add up to 120\)\. Nothing changed\. Send your take-profit targets/,
    );
    expect((await send("two:50")).replies[0]).toMatch(/^That split is not valid: "two:50" is not distance:share/);
    expect((await row()).takeProfitSplit).toHaveLength(3);
    // Still asking: the next valid answer is taken.
    expect((await send("2:100")).replies[0]).toMatch(/Take-profit split: 2% \(100%\)/);
    expect((await row()).takeProfitSplit).toEqual([{ perc: "2", sizePerc: "100" }]);

    await click(`set:ts:${sub.id}`);
    expect((await send("signal")).replies[0]).toMatch(/Take-profit split: the signal's targets/);
    expect((await row()).takeProfitSplit).toBeNull();
    // The flow is over: a later message is not taken for a split.
    await send("1:50");
    expect((await row()).takeProfitSplit).toBeNull();
  });
});
