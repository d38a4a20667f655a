import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ButtonView, RowView, SelectView, View } from "../kit/view.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";
import { linkCommand } from "./link.ts";
import { panicCommand } from "./panic.ts";
import { subscribeCommand } from "./subscribe.ts";
import { termsCommand } from "./terms.ts";

const buttons = (view: View | undefined) =>
  (view?.rows ?? []).filter((r): r is ButtonView[] => Array.isArray(r)).flat();
const select = (view: View | undefined) => (view?.rows ?? []).find((r: RowView): r is SelectView => !Array.isArray(r));

// The gate in front of /link and /subscribe (commands/terms.ts), through the handlers as the router drives them.
describe("discord: the terms and the country before anything touches money", () => {
  let kit: HandlerKit;
  beforeAll(async () => {
    kit = await createHandlerKit();
    kit.deps.terms = { version: "cccccccccccc", url: "https://terms.example/terms", blockedCountries: ["IR"] };
  });
  afterAll(() => kit?.drop());

  it("/link before consent shows the terms; accepting asks the country; declaring it lets /link run", async () => {
    const me = await kit.caller("900", {}, { onboarded: false });
    const gated = await kit.command(linkCommand, me, { exchange: "paper" });
    expect(gated.answers).toHaveLength(1);
    expect(gated.texts()[0]).toMatch(/^Before you link an account or follow a strategy/);
    expect(gated.texts()[0]).toMatch(/The full terms: https:\/\/terms\.example\/terms/);
    const [accept] = buttons(gated.lastView());
    expect(accept).toMatchObject({ id: "terms:ok:cccccccccccc:link", label: "I accept" });
    expect(await kit.db.exchangeAccount.count({ where: { userId: me.userId } })).toBe(0);

    const accepted = await kit.component(termsCommand, me, accept?.id ?? "");
    expect(accepted.answers[0]).toMatchObject({ kind: "update" });
    expect(accepted.texts()[0]).toMatch(
      /^Thank you: you accepted the terms \(version cccccccccccc\)\.\nWhere do you live\?/,
    );
    const list = select(accepted.lastView());
    expect(list?.options.map((o) => o.value)).toContain("US");

    // Search opens a form; what it finds is a select.
    const search = buttons(accepted.lastView()).find((b) => b.label === "Search…");
    const form = (await kit.component(termsCommand, me, search?.id ?? "")).modal();
    expect(form?.fields.map((f) => f.id)).toEqual(["query"]);
    const none = await kit.modal(termsCommand, me, form?.id ?? "", { query: "atlantis" });
    expect(none.texts()[0]).toMatch(/^No country matches “atlantis”/);
    const found = await kit.modal(termsCommand, me, form?.id ?? "", { query: "ESPAÑA" });
    const results = select(found.lastView());
    expect(results?.options[0]).toEqual({ label: "Spain (ES)", value: "ES" });

    const declared = await kit.component(termsCommand, me, results?.id ?? "", ["ES"]);
    expect(declared.texts()).toEqual(["Country of residence: Spain (ES).\nAll set. Send /link again to go on."]);
    const user = await kit.db.user.findUniqueOrThrow({ where: { id: me.userId } });
    expect([user.termsVersion, user.country]).toEqual(["cccccccccccc", "ES"]);
    expect(
      (await kit.db.auditLog.findMany({ where: { userId: me.userId }, orderBy: { at: "asc" } })).map((a) => a.action),
    ).toEqual(["terms.accepted", "country.declared"]);

    const linked = await kit.command(linkCommand, me, { exchange: "paper" });
    expect(linked.texts()[0]).toMatch(/Paper account linked/);
  });

  it("asks again after the terms change, before /subscribe", async () => {
    const me = await kit.caller("900");
    kit.deps.terms = { version: "dddddddddddd", url: "https://terms.example/terms", blockedCountries: ["IR"] };
    const gated = await kit.command(subscribeCommand, me, { strategy: "x", sizing: "risk", value: "1" });
    expect(gated.texts()[0]).toMatch(/^Mimic's terms of service changed since you accepted them/);
    // A button of the old text is not consent to the new one.
    const stale = await kit.component(termsCommand, me, "terms:ok:cccccccccccc:subscribe");
    expect(stale.texts()[0]).toMatch(/^The terms changed a moment ago/);
    expect(buttons(stale.lastView())[0]?.id).toBe("terms:ok:dddddddddddd:subscribe");
    const ok = await kit.component(termsCommand, me, "terms:ok:dddddddddddd:subscribe");
    expect(ok.texts()).toEqual([
      "Thank you: you accepted the terms (version dddddddddddd).\nAll set. Send /subscribe again to go on.",
    ]);
  });

  it("refuses a blocked country politely, and /panic is never gated", async () => {
    const me = await kit.caller("901", {}, { onboarded: false });
    await kit.component(termsCommand, me, "terms:ok:dddddddddddd:-");
    const blocked = await kit.component(termsCommand, me, "terms:pick:-", ["IR"]);
    expect(blocked.texts()[0]).toMatch(
      /^Country of residence: Iran \(IR\)\.\nSorry: Mimic does not link accounts or follow strategies for residents of Iran/,
    );
    const before = await kit.counts();
    const link = await kit.command(linkCommand, me, { exchange: "paper" });
    expect(link.texts()).toEqual([expect.stringMatching(/^Sorry: Mimic does not link accounts/)]);
    expect(await kit.counts()).toEqual(before);
    const panic = await kit.command(panicCommand, me);
    expect(panic.texts().join(" ")).not.toMatch(/terms|Sorry/);

    const terms = await kit.command(termsCommand, me);
    expect(terms.texts()[0]).toMatch(/You accepted these terms \(version dddddddddddd\)/);
    expect(terms.texts()[0]).toMatch(/Country of residence: Iran \(IR\)\./);
    expect(buttons(terms.lastView()).map((b) => b.label)).toEqual(["Change country"]);
  });
});
