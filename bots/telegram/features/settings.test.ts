import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordedBot } from "../test-support/recorded-bot.ts";

// Handlers through bot.handleUpdate, every outbound API call recorded (test-support/recorded-bot.ts).
describe("telegram /settings: notifications, slippage cap, trailing stop", () => {
  const h = recordedBot();
  const { from, db, send, click } = h;
  beforeAll(async () => {
    await h.start();
    // The sender is a Mimic user from their first message.
    await h.send("/start");
  });
  afterAll(h.stop);

  it("/settings switches notifications, and offers where they go once Discord is connected too", async () => {
    const buttons = (sent: { method: string; payload: Record<string, unknown> }[]) => {
      const markup = sent.find((c) => c.method === "sendMessage")?.payload.reply_markup as
        | { inline_keyboard: { text: string; callback_data: string }[][] }
        | undefined;
      return (markup?.inline_keyboard ?? []).flat();
    };
    const edited = (sent: { method: string; payload: Record<string, unknown> }[]) =>
      sent.filter((c) => c.method === "editMessageText").map((c) => String(c.payload.text));
    const user = await db().user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
    await db().user.update({
      where: { id: user.id },
      data: { notifySignals: false, notifyVia: null, discordId: null },
    });

    // Telegram only: the opt-ins, and no choice of app.
    expect(buttons((await send("/settings")).calls).map((b) => b.text)).toEqual([
      "Signal alerts: off",
      "Daily summary: off",
    ]);
    expect(edited(await click("set:n:signals"))).toEqual(["Signal alerts turned on."]);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).notifySignals).toBe(true);

    await db().user.update({ where: { id: user.id }, data: { discordId: "800000000000000042" } });
    const via = buttons((await send("/settings")).calls).at(-1);
    expect(via).toEqual({ text: "Notifications by: Telegram", callback_data: "set:n:via:discord" });
    expect(edited(await click(via?.callback_data ?? ""))).toEqual(["Notifications now arrive by Discord."]);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).notifyVia).toBe("discord");
    const back = buttons((await send("/settings")).calls).at(-1);
    expect(back).toEqual({ text: "Notifications by: Discord", callback_data: "set:n:via:telegram" });
    expect(edited(await click(back?.callback_data ?? ""))).toEqual(["Notifications now arrive by Telegram."]);

    // A button left from before Discord was disconnected: core refuses, nothing changes.
    await db().user.update({ where: { id: user.id }, data: { discordId: null } });
    const refused = await click("set:n:via:discord");
    expect(refused.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text))).toEqual([
      expect.stringMatching(/Discord is not connected yet.*\/connect/),
    ]);
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect([after.notifyVia, after.notifySignals]).toEqual(["telegram", true]);
    await db().user.update({ where: { id: user.id }, data: { notifySignals: false, notifyVia: null } });
  });

  it("/settings sets a subscription's slippage cap, refuses one over 5%, and 'off' gives it back to the signal", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
    const account = await db().exchangeAccount.create({ data: { userId: user.id, exchange: "paper", label: "cap" } });
    const strategy = await db().strategy.create({ data: { name: "Capped", slug: "capped", passphraseHash: "x" } });
    const sub = await db().subscription.create({
      data: { accountId: account.id, strategyId: strategy.id, sizingMode: "fixed", sizingValue: "100" },
    });
    const edited = (sent: { method: string; payload: Record<string, unknown> }[]) =>
      sent.filter((c) => c.method === "editMessageText");
    const shown = edited(await click(`set:${sub.id}`))[0]?.payload;
    expect(String(shown?.text)).toMatch(/Entry slippage cap: signal's, else 0\.3% \(BTC, ETH\) or 0\.5%/);
    const markup = shown?.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined;
    const keyboard = markup?.inline_keyboard ?? [];
    expect(keyboard.flat()).toContainEqual({ text: "Slippage cap", callback_data: `set:sc:${sub.id}` });

    const cap = async () => (await db().subscription.findUniqueOrThrow({ where: { id: sub.id } })).maxSlippagePerc;
    expect(String(edited(await click(`set:sc:${sub.id}`))[0]?.payload.text)).toMatch(/^Send how far from the signal's/);
    expect((await send("9")).replies[0]).toMatch(/^That value must be above 0 and at most 5; nothing changed\./);
    expect(await cap()).toBeNull();
    expect((await send("0.8")).replies[0]).toMatch(/^Saved\.\n[\s\S]*Entry slippage cap: 0\.8%/);
    expect(String(await cap())).toBe("0.8");
    await click(`set:sc:${sub.id}`);
    await send("off");
    expect(await cap()).toBeNull();
    await db().subscription.delete({ where: { id: sub.id } });
    await db().exchangeAccount.delete({ where: { id: account.id } });
  });

  it("/settings sets a subscription's trailing stop by a tap, and the signal's again", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
    const account = await db().exchangeAccount.create({ data: { userId: user.id, exchange: "paper", label: "trail" } });
    const strategy = await db().strategy.create({ data: { name: "Trailed", slug: "trailed", passphraseHash: "x" } });
    const sub = await db().subscription.create({
      data: { accountId: account.id, strategyId: strategy.id, sizingMode: "fixed", sizingValue: "100" },
    });
    const edited = async (data: string) =>
      (await click(data)).filter((c) => c.method === "editMessageText").map((c) => c.payload)[0];
    const shown = await edited(`set:${sub.id}`);
    expect(String(shown?.text)).toMatch(/\nTrailing stop: the signal's$/);
    type Markup = { inline_keyboard: { text: string; callback_data: string }[][] } | undefined;
    const keys = ((shown?.reply_markup as Markup)?.inline_keyboard ?? []).flat();
    expect(keys.map((k) => k.callback_data)).toContain(`set:tr:${sub.id}`);
    const choices = await edited(`set:tr:${sub.id}`);
    const taps = ((choices?.reply_markup as Markup)?.inline_keyboard ?? [])
      .flat()
      .map((k) => [k.text, k.callback_data]);
    expect(taps).toContainEqual(["Trail 2%", `set:trm:2:${sub.id}`]);
    expect(String((await edited(`set:trm:2:${sub.id}`))?.text)).toBe("Saved.\nTrailing stop: 2% behind the best price");
    const row = () => db().subscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect([(await row()).trailingMode, String((await row()).trailingDistancePerc)]).toEqual(["percent", "2"]);
    await click(`set:trm:moving_target:${sub.id}`);
    expect((await row()).trailingMode).toBe("moving_target");
    await click(`set:trm:signal:${sub.id}`);
    expect((await row()).trailingMode).toBeNull();
    await db().subscription.delete({ where: { id: sub.id } });
    await db().exchangeAccount.delete({ where: { id: account.id } });
  });
});
