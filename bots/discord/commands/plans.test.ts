import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlisioClient } from "../../../core/billing/plisio/plisio-client.ts";
import { silentLogger } from "../../../core/platform/logger.ts";
import { type FakePlisio, startFakePlisio } from "../../../test/fake-plisio/start-fake-plisio.ts";
import type { ButtonView } from "../kit/view.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";
import { plansCommand } from "./plans.ts";

describe("discord /plans", () => {
  let kit: HandlerKit;
  let plisio: FakePlisio;
  beforeAll(async () => {
    kit = await createHandlerKit();
    plisio = await startFakePlisio();
    const strategy = await kit.db.strategy.create({
      data: { name: "Premium ETH", slug: "premium-eth", passphraseHash: "x" },
    });
    await kit.db.plan.create({
      data: { name: "Pro", priceUsd: "29.99", periodDays: 30, strategies: { create: [{ strategyId: strategy.id }] } },
    });
    await kit.db.plan.create({ data: { name: "Elite", priceUsd: "99", periodDays: 90, allStrategies: true } });
  });
  afterAll(async () => {
    await plisio?.close();
    await kit?.drop();
  });

  it("lists the plans and says payments are off without Plisio, with no button", async () => {
    const me = await kit.caller("800", { locale: "es-ES" });
    const view = (await kit.command(plansCommand, me)).lastView();
    expect(view?.embeds?.[0]?.description).toBe(
      [
        "Pro: 29.99 USD por 30 días\nIncluye: Premium ETH",
        "Elite: 99.00 USD por 90 días\nIncluye todas las estrategias premium",
        "Los pagos aún no están configurados en este Mimic: un administrador puede asignarte un plan.",
      ].join("\n\n"),
    );
    expect(view?.rows ?? []).toEqual([]);
  });

  it("a plan's button creates the invoice and answers with its link", async () => {
    kit.deps.payments = {
      plisio: createPlisioClient({ apiRoot: plisio.apiRoot, secretKey: plisio.secretKey, logger: silentLogger }),
      publicUrl: "https://mimic.example.com",
      expireMin: 30,
    };
    const me = await kit.caller("801");
    const view = (await kit.command(plansCommand, me)).lastView();
    const buttons = (view?.rows?.[0] ?? []) as ButtonView[];
    expect(buttons.map((b) => b.label)).toEqual(["Buy Pro (29.99 USD)", "Buy Elite (99.00 USD)"]);
    const res = await kit.component(plansCommand, me, buttons[1]?.id ?? "");
    const invoice = plisio.invoices.at(-1);
    expect(invoice?.params).toMatchObject({
      source_amount: "99",
      callback_url: "https://mimic.example.com/webhooks/plisio?json=true",
      expire_min: "30",
    });
    expect(res.texts().join("\n")).toContain(invoice?.invoiceUrl);
    expect(await kit.db.payment.count({ where: { userId: me.userId, status: "new" } })).toBe(1);

    plisio.faults.push({ kind: "error", status: 500, message: "down" });
    const failed = await kit.component(plansCommand, me, buttons[0]?.id ?? "");
    expect(failed.texts()).toEqual(["Plisio could not create the invoice right now. Try again in a minute."]);
  });
});
