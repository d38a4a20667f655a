import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkAccount } from "../../../core/accounts/link-account.ts";
import type { Caller } from "../kit/handler-input.ts";
import type { SelectView } from "../kit/view.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";
import { accountsCommand } from "./accounts.ts";
import { settingsCommand } from "./settings.ts";
import { strategiesCommand } from "./strategies.ts";
import { subscribeCommand } from "./subscribe.ts";
import { unsubscribeCommand } from "./unsubscribe.ts";

const selectOf = (view: { rows?: unknown[] } | undefined): SelectView => {
  const row = view?.rows?.find((r) => !Array.isArray(r));
  if (!row) throw new Error("expected a select");
  return row as SelectView;
};
const buttonsOf = (view: { rows?: unknown[] } | undefined) =>
  (view?.rows ?? []).filter(Array.isArray).flat() as { id: string; label: string }[];

describe("/strategies, /subscribe, /unsubscribe, /accounts, /settings", () => {
  let kit: HandlerKit;
  beforeAll(async () => {
    kit = await createHandlerKit();
    await kit.db.strategy.create({ data: { name: "BTC momentum", slug: "btc-momentum", passphraseHash: "x" } });
    await kit.db.strategy.create({ data: { name: "ETH swing", slug: "eth-swing", passphraseHash: "x" } });
  });
  afterAll(() => kit?.drop());

  const paper = async (who: Caller, label?: string) =>
    linkAccount({ userId: who.userId, exchange: "paper", label }, { ...kit.deps, logger: who.log });

  it("lists strategies with their slugs", async () => {
    const me = await kit.caller("200");
    const text = (await kit.command(strategiesCommand, me)).texts()[0];
    expect(text).toMatch(/BTC momentum - 0 followers, 0 signals in 30 d · `btc-momentum`/);
  });

  it("refuses an unknown strategy, a missing account and a bad value, and creates nothing", async () => {
    const me = await kit.caller("201");
    const before = await kit.counts();
    const noAccount = await kit.command(subscribeCommand, me, {
      strategy: "btc-momentum",
      sizing: "fixed",
      value: "250",
    });
    expect(noAccount.texts()).toEqual(["Link an account first: send /link (a paper account works for trying it out)."]);
    await paper(me);
    const afterLink = await kit.counts();
    const unknown = await kit.command(subscribeCommand, me, { strategy: "doge-moon", sizing: "fixed", value: "250" });
    expect(unknown.texts()[0]).toMatch(/There is no strategy "doge-moon"/);
    const bad = await kit.command(subscribeCommand, me, { strategy: "btc-momentum", sizing: "risk", value: "150" });
    expect(bad.texts()[0]).toMatch(/^That value must be above 0 and at most 100\. What percent/);
    const leverage = await kit.command(subscribeCommand, me, {
      strategy: "btc-momentum",
      sizing: "fixed",
      value: "250",
      max_leverage: 500,
    });
    expect(leverage.texts()[0]).toMatch(/max_leverage/);
    expect(await kit.counts()).toEqual([before[0]! + 1, ...afterLink.slice(1)]);
  });

  it("subscribes with the only account, and asks a left-out value in a form", async () => {
    const me = await kit.caller("202");
    await paper(me);
    const direct = await kit.command(subscribeCommand, me, { strategy: "btc-momentum", sizing: "fixed", value: "250" });
    expect(direct.texts()[0]).toMatch(/^Subscribed\. Sizing: 250 \(fixed USDT per trade\), leverage cap: none\./);
    const form = (
      await kit.command(subscribeCommand, me, { strategy: "ETH swing", sizing: "risk", max_leverage: 5 })
    ).modal();
    expect(form?.fields.map((f) => f.label)).toEqual(["Percent of free balance (e.g. 2)"]);
    const wrong = await kit.modal(subscribeCommand, me, form?.id ?? "", { value: "two" });
    expect(wrong.texts()[0]).toMatch(/^That value must be a number such as 2\./);
    const done = await kit.modal(subscribeCommand, me, form?.id ?? "", { value: "2" });
    expect(done.texts()[0]).toMatch(/leverage cap: 5x/);
    const subs = await kit.db.subscription.findMany({
      where: { account: { userId: me.userId } },
      orderBy: { createdAt: "asc" },
    });
    expect(subs.map((s) => [s.sizingMode, s.sizingValue?.toString(), s.maxLeverage])).toEqual([
      ["fixed", "250", null],
      ["risk", "2", 5],
    ]);
  });

  it("wants the account chosen when there are several, and suggests them", async () => {
    const me = await kit.caller("203");
    const main = await paper(me, "Main");
    await paper(me, "Spare");
    const before = await kit.counts();
    const ask = await kit.command(subscribeCommand, me, { strategy: "btc-momentum", sizing: "fixed", value: "100" });
    expect(ask.texts()[0]).toMatch(/You have several accounts/);
    expect(await kit.counts()).toEqual(before);
    const choices = await kit.autocomplete(subscribeCommand, me, { name: "account", value: "mai" });
    expect(choices).toEqual([{ name: "Main (paper)", value: main.id }]);
    const strategies = await kit.autocomplete(subscribeCommand, me, { name: "strategy", value: "eth" });
    expect(strategies).toEqual([{ name: expect.stringMatching(/^ETH swing \(\d+\)$/), value: "eth-swing" }]);
    const byName = await kit.command(subscribeCommand, me, {
      strategy: "btc-momentum",
      sizing: "fixed",
      value: "100",
      account: "main (paper)",
    });
    expect(byName.texts()[0]).toMatch(/^Subscribed/);
  });

  it("unsubscribes by option or from a select", async () => {
    const me = await kit.caller("204");
    expect((await kit.command(unsubscribeCommand, me)).texts()[0]).toMatch(/not subscribed to anything/);
    await paper(me);
    await kit.command(subscribeCommand, me, { strategy: "btc-momentum", sizing: "fixed", value: "100" });
    await kit.command(subscribeCommand, me, { strategy: "eth-swing", sizing: "fixed", value: "100" });
    expect((await kit.command(unsubscribeCommand, me, { strategy: "nope" })).texts()[0]).toMatch(
      /do not follow "nope"/,
    );
    const byOption = await kit.command(unsubscribeCommand, me, { strategy: "btc-momentum" });
    expect(byOption.texts()).toEqual(["Unsubscribed. New signals from that strategy will not be copied."]);
    const list = await kit.command(unsubscribeCommand, me);
    const select = selectOf(list.lastView());
    expect(select.options.map((o) => o.label)).toEqual(["ETH swing on paper"]);
    const picked = await kit.component(unsubscribeCommand, me, select.id, [select.options[0]!.value]);
    expect(picked.answers[0]?.kind).toBe("update");
    const live = await kit.db.subscription.count({
      where: { account: { userId: me.userId }, status: { not: "ended" } },
    });
    expect(live).toBe(0);
  });

  it("removes an account after a confirmation; cancelling keeps it", async () => {
    const me = await kit.caller("205");
    await paper(me);
    await kit.command(subscribeCommand, me, { strategy: "btc-momentum", sizing: "fixed", value: "100" });
    const list = await kit.command(accountsCommand, me);
    expect(list.texts()[0]).toBe("1. paper - 1 active subscription");
    const select = selectOf(list.lastView());
    const confirm = await kit.component(accountsCommand, me, select.id, [select.options[0]!.value]);
    expect(confirm.texts()[0]).toMatch(/^Remove this account\?/);
    const [yes, keep] = buttonsOf(confirm.lastView());
    expect((await kit.component(accountsCommand, me, keep!.id)).texts()).toEqual(["Nothing was removed."]);
    expect(await kit.db.exchangeAccount.count({ where: { userId: me.userId, status: "active" } })).toBe(1);
    expect((await kit.component(accountsCommand, me, yes!.id)).texts()).toEqual([
      "Account removed; 1 subscription paused.",
    ]);
    expect(await kit.db.exchangeAccount.count({ where: { userId: me.userId, status: "active" } })).toBe(0);
  });

  it("changes a subscription's settings through buttons and forms", async () => {
    const me = await kit.caller("206");
    await paper(me);
    await kit.command(subscribeCommand, me, { strategy: "btc-momentum", sizing: "fixed", value: "100" });
    const list = await kit.command(settingsCommand, me);
    const select = selectOf(list.lastView());
    const one = await kit.component(settingsCommand, me, select.id, [select.options[0]!.value]);
    expect(one.texts()[0]).toMatch(/^BTC momentum on paper: active\nSizing: 100 USDT per trade/);
    const buttons = buttonsOf(one.lastView());
    const byLabel = (label: string) => buttons.find((b) => b.label === label)!.id;

    const paused = await kit.component(settingsCommand, me, byLabel("Pause"));
    expect(paused.texts()[0]).toMatch(/: paused/);

    const tpForm = (await kit.component(settingsCommand, me, byLabel("Take profit"))).modal();
    expect(tpForm?.fields[0]?.label).toBe("Take-profit distance in % (empty: signal's)");
    const before = await kit.db.subscription.findFirstOrThrow({ where: { account: { userId: me.userId } } });
    const wrong = await kit.modal(settingsCommand, me, tpForm!.id, { value: "150" });
    expect(wrong.texts()[0]).toMatch(/^That value must be above 0 and below 100; nothing changed\./);
    expect((await kit.db.subscription.findFirstOrThrow({ where: { id: before.id } })).tpPercOverride).toBeNull();
    const saved = await kit.modal(settingsCommand, me, tpForm!.id, { value: "2.5" });
    expect(saved.answers[0]?.kind).toBe("update");
    expect(saved.texts()[0]).toMatch(/^Saved\.\n.*\n.*\n.*\nTake profit: 2\.5%/);
    const cleared = await kit.modal(settingsCommand, me, tpForm!.id, { value: "" });
    expect(cleared.texts()[0]).toMatch(/Take profit: signal's/);

    expect(cleared.texts()[0]).toMatch(/Entry slippage cap: signal's, else 0\.3% \(BTC, ETH\) or 0\.5%/);
    const capForm = (await kit.component(settingsCommand, me, byLabel("Slippage cap"))).modal();
    expect(capForm?.fields[0]?.label).toBe("Slippage cap in % (empty: signal's)");
    const tooWide = await kit.modal(settingsCommand, me, capForm!.id, { value: "8" });
    expect(tooWide.texts()[0]).toMatch(/^That value must be above 0 and at most 5; nothing changed\. Send how far/);
    const capped = await kit.modal(settingsCommand, me, capForm!.id, { value: "0.8" });
    expect(capped.texts()[0]).toMatch(/Entry slippage cap: 0\.8%/);
    expect((await kit.db.subscription.findFirstOrThrow({ where: { id: before.id } })).maxSlippagePerc?.toString()).toBe(
      "0.8",
    );
    await kit.modal(settingsCommand, me, capForm!.id, { value: "off" });
    expect((await kit.db.subscription.findFirstOrThrow({ where: { id: before.id } })).maxSlippagePerc).toBeNull();

    const sizeBy = await kit.component(settingsCommand, me, byLabel("Sizing"));
    const risk = buttonsOf(sizeBy.lastView()).find((b) => b.label === "% of free balance")!;
    const sizeForm = (await kit.component(settingsCommand, me, risk.id)).modal();
    await kit.modal(settingsCommand, me, sizeForm!.id, { value: "3" });
    const after = await kit.db.subscription.findFirstOrThrow({ where: { id: before.id } });
    expect([after.status, after.sizingMode, after.sizingValue?.toString()]).toEqual(["paused", "risk", "3"]);
  });

  it("switches notifications, and where they go once both apps are connected", async () => {
    const me = await kit.caller("207");
    const list = await kit.command(settingsCommand, me);
    const switches = buttonsOf(list.lastView());
    expect(switches.map((b) => b.label)).toEqual(["Signal alerts: off", "Daily summary: off"]);
    const on = await kit.component(settingsCommand, me, switches[0]!.id);
    expect(on.texts()[0]).toMatch(/^Signal alerts turned on\./);
    expect((await kit.db.user.findUniqueOrThrow({ where: { id: me.userId } })).notifySignals).toBe(true);

    await kit.db.user.update({ where: { id: me.userId }, data: { telegramId: "777" } });
    const both = buttonsOf((await kit.command(settingsCommand, me)).lastView());
    const via = both.find((b) => b.label.startsWith("Notifications by"))!;
    expect(via.label).toBe("Notifications by: Telegram");
    const moved = await kit.component(settingsCommand, me, via.id);
    expect(moved.texts()[0]).toMatch(/^Notifications now arrive by Discord\./);
    expect((await kit.db.user.findUniqueOrThrow({ where: { id: me.userId } })).notifyVia).toBe("discord");
    const back = buttonsOf(moved.lastView()).find((b) => b.label.startsWith("Notifications by"))!;
    expect(back.label).toBe("Notifications by: Discord");
    expect((await kit.component(settingsCommand, me, back.id)).texts()[0]).toMatch(
      /^Notifications now arrive by Telegram\./,
    );
    // Pressing the same button twice leaves them where it said.
    await kit.component(settingsCommand, me, back.id);
    expect((await kit.db.user.findUniqueOrThrow({ where: { id: me.userId } })).notifyVia).toBe("telegram");

    // A button left from before Telegram was disconnected: core refuses, nothing changes.
    await kit.db.user.update({ where: { id: me.userId }, data: { telegramId: null, notifyVia: "discord" } });
    expect(buttonsOf((await kit.command(settingsCommand, me)).lastView()).map((b) => b.label)).toEqual([
      "Signal alerts: on",
      "Daily summary: off",
    ]);
    const refused = await kit.component(settingsCommand, me, back.id);
    expect(refused.texts()[0]).toMatch(/Telegram is not connected yet.*\/connect/);
    expect((await kit.db.user.findUniqueOrThrow({ where: { id: me.userId } })).notifyVia).toBe("discord");
  });
});
