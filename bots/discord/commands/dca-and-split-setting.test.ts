import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkAccount } from "../../../core/accounts/link-account.ts";
import type { Caller } from "../kit/handler-input.ts";
import type { SelectView } from "../kit/view.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";
import { settingsCommand } from "./settings.ts";
import { subscribeCommand } from "./subscribe.ts";

const selectOf = (view: { rows?: unknown[] } | undefined) => view?.rows?.find((r) => !Array.isArray(r)) as SelectView;
const buttonsOf = (view: { rows?: unknown[] } | undefined) =>
  (view?.rows ?? []).filter(Array.isArray).flat() as { id: string; label: string }[];

describe("/settings: DCA on/off (tapped) and the take-profit split (a form)", () => {
  let kit: HandlerKit;
  beforeAll(async () => {
    kit = await createHandlerKit();
    await kit.db.strategy.create({ data: { name: "ETH ladder", slug: "eth-ladder", passphraseHash: "x" } });
  });
  afterAll(() => kit?.drop());

  const subscribed = async (discordId: string, locale = "en-US") => {
    const me = await kit.caller(discordId, { locale });
    await linkAccount({ userId: me.userId, exchange: "paper" }, { ...kit.deps, logger: me.log });
    await kit.command(subscribeCommand, me, { strategy: "eth-ladder", sizing: "fixed", value: "100" });
    const select = selectOf((await kit.command(settingsCommand, me)).lastView());
    const one = await kit.component(settingsCommand, me, select.id, [select.options[0]?.value ?? ""]);
    const row = () => kit.db.subscription.findFirstOrThrow({ where: { account: { userId: me.userId } } });
    return { me, one, row };
  };
  const press = (me: Caller, view: { rows?: unknown[] } | undefined, label: string) =>
    kit.component(settingsCommand, me, buttonsOf(view).find((b) => b.label === label)?.id ?? "");

  it("shows DCA on, and a press turns it off and on again", async () => {
    const { me, one, row } = await subscribed("401");
    expect(one.texts()[0]).toMatch(
      /\nTake-profit split: the signal's targets\nDCA orders: on, the signal's safety orders are placed\nTrailing stop/,
    );
    // Every row holds at most five buttons (Discord's limit).
    for (const r of one.lastView()?.rows ?? []) if (Array.isArray(r)) expect(r.length).toBeLessThanOrEqual(5);

    const off = await press(me, one.lastView(), "DCA: on");
    expect(off.texts()[0]).toMatch(/^Saved\.\n[\s\S]*DCA orders: off, only the entry is placed/);
    expect((await row()).dcaEnabled).toBe(false);
    // The old button sets "off" again rather than flipping: a second press changes nothing.
    await press(me, one.lastView(), "DCA: on");
    expect((await row()).dcaEnabled).toBe(false);
    await press(me, off.lastView(), "DCA: off");
    expect((await row()).dcaEnabled).toBe(true);
  });

  it("saves a split typed in the form, refuses a wrong one privately with nothing changed, and empties it", async () => {
    const { me, one, row } = await subscribed("402");
    const opened = await press(me, one.lastView(), "Take-profit split");
    const form = opened.modal();
    expect(form?.fields[0]).toMatchObject({ label: "Targets as distance:share (empty: signal's)", required: false });
    expect(form?.fields[0]?.value).toBeUndefined();
    const submit = (value: string) => kit.modal(settingsCommand, me, form?.id ?? "", { value });

    const saved = await submit("1.5:50 3:30 5:20");
    expect(saved.answers[0]?.kind).toBe("update");
    expect(saved.texts()[0]).toMatch(/^Saved\.\n[\s\S]*Take-profit split: 1\.5% \(50%\), 3% \(30%\), 5% \(20%\)\n/);
    expect((await row()).takeProfitSplit).toEqual([
      { perc: "1.5", sizePerc: "50" },
      { perc: "3", sizePerc: "30" },
      { perc: "5", sizePerc: "20" },
    ]);
    // Opened again, the form holds the split as it is typed.
    const again = (await press(me, one.lastView(), "Take-profit split")).modal();
    expect(again?.fields[0]?.value).toBe("1.5:50 3:30 5:20");

    const wrong = await submit("1:50 2:x");
    expect(wrong.answers.map((a) => a.kind)).toEqual(["reply"]);
    expect(wrong.texts()[0]).toMatch(
      /^That split is not valid: "2:x" is not distance:share, such as 1\.5:50\. Nothing changed\. Send your take-profit targets/,
    );
    expect((await submit("1:10 2:10 3:10 4:10 5:10 6:10 7:10 8:10 9:10")).texts()[0]).toMatch(
      /^That split is not valid: must hold at most 8 targets/,
    );
    expect((await row()).takeProfitSplit).toHaveLength(3);

    await submit("signal");
    expect((await row()).takeProfitSplit).toBeNull();
    await submit("2:100");
    expect((await submit("")).texts()[0]).toMatch(/Take-profit split: the signal's targets/);
    expect((await row()).takeProfitSplit).toBeNull();
  });

  it('speaks Spanish, and takes "señal" for the signal\'s targets', async () => {
    const { me, one, row } = await subscribed("403", "es-ES");
    expect(one.texts()[0]).toMatch(/Reparto de take profit: los objetivos de la señal\nÓrdenes DCA: activadas/);
    const form = (await press(me, one.lastView(), "Reparto de take profit")).modal();
    await kit.modal(settingsCommand, me, form?.id ?? "", { value: "2%:50% 4%:50%" });
    expect((await row()).takeProfitSplit).toEqual([
      { perc: "2", sizePerc: "50" },
      { perc: "4", sizePerc: "50" },
    ]);
    const cleared = await kit.modal(settingsCommand, me, form?.id ?? "", { value: "Señal" });
    expect(cleared.texts()[0]).toMatch(/Reparto de take profit: los objetivos de la señal\n/);
    expect((await row()).takeProfitSplit).toBeNull();
  });
});
