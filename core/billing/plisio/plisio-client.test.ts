import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakePlisio, startFakePlisio } from "../../../test/fake-plisio/start-fake-plisio.ts";
import { silentLogger } from "../../platform/logger.ts";
import { createPlisioClient } from "./plisio-client.ts";

describe("the Plisio client", () => {
  let plisio: FakePlisio;
  beforeAll(async () => {
    plisio = await startFakePlisio();
  });
  afterAll(() => plisio?.close());

  const request = (orderNumber: string) => ({
    orderNumber,
    orderName: "Mimic Pro (30 days)",
    amountUsd: "29.99",
    callbackUrl: "https://mimic.example.com/webhooks/plisio?json=true",
    expireMin: 60,
  });
  const client = (secretKey = plisio.secretKey, timeoutMs = 2000) =>
    createPlisioClient({ apiRoot: plisio.apiRoot, secretKey, timeoutMs, logger: silentLogger });

  it("asks GET /invoices/new with every parameter Plisio wants", async () => {
    const invoice = await client().createInvoice(request("2001"));
    expect(plisio.invoices.at(-1)?.params).toEqual({
      api_key: plisio.secretKey,
      order_number: "2001",
      order_name: "Mimic Pro (30 days)",
      source_currency: "USD",
      source_amount: "29.99",
      callback_url: "https://mimic.example.com/webhooks/plisio?json=true",
      expire_min: "60",
    });
    expect(invoice).toEqual({ txnId: plisio.invoices.at(-1)?.txnId, invoiceUrl: plisio.invoices.at(-1)?.invoiceUrl });
  });

  it("maps refusals, failures and silence to AppErrors that never carry the key", async () => {
    const wrongKey = "a-wrong-key-that-must-not-leak";
    const refused = await client(wrongKey)
      .createInvoice(request("2002"))
      .catch((e) => e);
    expect(refused).toMatchObject({ code: "CONFIG_INVALID", details: { wording: "plans-invoice-failed" } });
    expect(JSON.stringify({ m: refused.message, d: refused.details })).not.toContain(wrongKey);

    plisio.faults.push({ kind: "error", status: 503, message: "maintenance" });
    await expect(client().createInvoice(request("2003"))).rejects.toMatchObject({ code: "INTERNAL" });
    plisio.faults.push({ kind: "garbage" });
    await expect(client().createInvoice(request("2004"))).rejects.toMatchObject({
      code: "INTERNAL",
      message: expect.stringMatching(/HTTP 502/),
    });
    plisio.faults.push({ kind: "hang" });
    await expect(client(plisio.secretKey, 200).createInvoice(request("2005"))).rejects.toMatchObject({
      code: "INTERNAL",
      message: "plisio: no answer in time",
    });
  });
});
