import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkAccount } from "../../../core/accounts/link-account.ts";
import type { SelectView } from "../kit/view.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";
import { settingsCommand } from "./settings.ts";
import { subscribeCommand } from "./subscribe.ts";

const selectOf = (view: { rows?: unknown[] } | undefined) => view?.rows?.find((r) => !Array.isArray(r)) as SelectView;
const buttonsOf = (view: { rows?: unknown[] } | undefined) =>
  (view?.rows ?? []).filter(Array.isArray).flat() as { id: string; label: string }[];

describe("/settings: the trailing stop, tapped", () => {
  let kit: HandlerKit;
  beforeAll(async () => {
    kit = await createHandlerKit();
    await kit.db.strategy.create({ data: { name: "BTC ladder", slug: "btc-ladder", passphraseHash: "x" } });
  });
  afterAll(() => kit?.drop());

  it("shows the signal's by default, saves a mode or a percent trail, and gives it back to the signal", async () => {
    const me = await kit.caller("300");
    await linkAccount({ userId: me.userId, exchange: "paper" }, { ...kit.deps, logger: me.log });
    await kit.command(subscribeCommand, me, { strategy: "btc-ladder", sizing: "fixed", value: "100" });
    const select = selectOf((await kit.command(settingsCommand, me)).lastView());
    const one = await kit.component(settingsCommand, me, select.id, [select.options[0]?.value ?? ""]);
    expect(one.texts()[0]).toMatch(/\nTrailing stop: the signal's$/);
    const trailing = buttonsOf(one.lastView()).find((b) => b.label === "Trailing stop");
    const choices = await kit.component(settingsCommand, me, trailing?.id ?? "");
    expect(choices.texts()[0]).toMatch(/^How should the stop-loss/);
    const options = buttonsOf(choices.lastView());
    expect(options.map((b) => b.label)).toEqual([
      "Signal's",
      "Off",
      "Breakeven",
      "Moving target",
      "Trail 0.5%",
      "Trail 1%",
      "Trail 2%",
      "Back",
    ]);
    const pick = async (label: string) =>
      kit.component(settingsCommand, me, options.find((b) => b.label === label)?.id ?? "");
    const row = () => kit.db.subscription.findFirstOrThrow({ where: { account: { userId: me.userId } } });

    expect((await pick("Breakeven")).texts()[0]).toMatch(
      /^Saved\.\n[\s\S]*Trailing stop: to the entry after the first target/,
    );
    expect((await row()).trailingMode).toBe("breakeven");
    expect((await pick("Trail 1%")).texts()[0]).toMatch(/Trailing stop: 1% behind the best price/);
    const percent = await row();
    expect([percent.trailingMode, percent.trailingDistancePerc?.toString()]).toEqual(["percent", "1"]);
    expect((await pick("Off")).texts()[0]).toMatch(/Trailing stop: off, the stop stays where it is placed/);
    await pick("Signal's");
    const back = await row();
    expect([back.trailingMode, back.trailingDistancePerc]).toEqual([null, null]);
  });
});
