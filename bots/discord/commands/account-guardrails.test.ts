import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SelectView } from "../kit/view.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";
import { accountsCommand } from "./accounts.ts";

const selects = (view: { rows?: unknown[] } | undefined) =>
  (view?.rows ?? []).filter((r) => !Array.isArray(r)) as SelectView[];
const buttonsOf = (view: { rows?: unknown[] } | undefined) =>
  (view?.rows ?? []).filter(Array.isArray).flat() as { id: string; label: string }[];

describe("discord /accounts: daily guardrails", () => {
  let kit: HandlerKit;
  beforeAll(async () => {
    kit = await createHandlerKit();
  });
  afterAll(() => kit?.drop());

  it("opens an account's limits from a select, sets one in a form, refuses a bad value, clears with an empty one", async () => {
    const me = await kit.caller("300");
    const account = await kit.db.exchangeAccount.create({ data: { userId: me.userId, exchange: "paper" } });
    const list = await kit.command(accountsCommand, me);
    const guard = selects(list.lastView()).find((s) => s.id === "accounts:guard");
    expect(guard?.options.map((o) => o.label)).toEqual(["Daily limits of 1. paper"]);
    const view = await kit.component(accountsCommand, me, guard?.id ?? "", [guard?.options[0]?.value ?? ""]);
    expect(view.texts()[0]).toMatch(
      /^Daily limits of paper\nDaily loss limit: off · daily profit lock: off\nNot halted today\./,
    );
    const profit = buttonsOf(view.lastView()).find((b) => b.label === "Daily profit lock");
    const form = (await kit.component(accountsCommand, me, profit?.id ?? "")).modal();
    expect(form?.fields.map((f) => [f.label, f.value])).toEqual([["Daily profit lock in % (empty: off)", undefined]]);

    const wrong = await kit.modal(accountsCommand, me, form?.id ?? "", { value: "ten" });
    expect(wrong.texts()[0]).toMatch(
      /^That value must be a number such as 10; nothing changed\. Send the daily profit lock/,
    );
    const saved = await kit.modal(accountsCommand, me, form?.id ?? "", { value: "12" });
    expect(saved.answers[0]?.kind).toBe("update");
    expect(saved.texts()[0]).toMatch(/^Saved\.\nDaily limits of paper\nDaily loss limit: off · daily profit lock: 12%/);
    const refilled = (await kit.component(accountsCommand, me, profit?.id ?? "")).modal();
    expect(refilled?.fields[0]?.value).toBe("12");
    expect((await kit.command(accountsCommand, me)).texts()[0]).toBe(
      "1. paper - 0 active subscriptions\nDaily loss limit: off · daily profit lock: 12%",
    );

    const cleared = await kit.modal(accountsCommand, me, form?.id ?? "", { value: "" });
    expect(cleared.texts()[0]).toMatch(/daily profit lock: off/);
    const row = await kit.db.exchangeAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.dailyProfitLockPerc).toBeNull();
  });

  it("says when an account is halted today", async () => {
    const me = await kit.caller("301", { locale: "es-ES" });
    await kit.db.exchangeAccount.create({
      data: {
        userId: me.userId,
        exchange: "paper",
        dailyLossLimitPerc: "5",
        haltedUntil: new Date(Date.now() + 3_600_000),
        haltReason: "daily_loss",
      },
    });
    expect((await kit.command(accountsCommand, me)).texts()[0]).toBe(
      "1. paper - 0 suscripciones activas\nLímite de pérdida diaria: 5% · bloqueo de ganancia diaria: desactivado\nLímite de pérdida diaria alcanzado hoy: sin nuevas entradas hasta las 00:00 UTC.",
    );
  });
});
