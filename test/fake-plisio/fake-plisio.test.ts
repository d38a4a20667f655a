import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPlisioSignature } from "../../core/billing/plisio/plisio-signature.ts";
import { type FakePlisio, startFakePlisio } from "./start-fake-plisio.ts";

describe("the fake Plisio", () => {
  let plisio: FakePlisio;
  beforeAll(async () => {
    plisio = await startFakePlisio({ secretKey: "fake-key" });
  });
  afterAll(() => plisio?.close());

  const get = async (params: Record<string, string>) => {
    const res = await fetch(`${plisio.apiRoot}/invoices/new?${new URLSearchParams(params)}`);
    return { status: res.status, body: await res.json() };
  };
  const invoice = { api_key: "fake-key", order_number: "1001", order_name: "Pro", source_currency: "USD" };

  it("records an invoice's parameters and answers as Plisio does", async () => {
    const { status, body } = await get({ ...invoice, source_amount: "29.99", callback_url: "http://x/cb?json=true" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "success", data: { txn_id: expect.any(String) } });
    expect(body.data.invoice_url).toBe(`https://plisio.net/invoice/${body.data.txn_id}`);
    expect(plisio.invoices.at(-1)?.params).toMatchObject({ order_number: "1001", source_amount: "29.99" });
  });

  it("refuses a wrong key, a missing field, a repeated order, and plays faults", async () => {
    expect(await get({ ...invoice, api_key: "nope", order_number: "1002", source_amount: "1" })).toEqual({
      status: 401,
      body: { status: "error", data: { name: "Unauthorized", message: "Your credentials are incorrect", code: 401 } },
    });
    expect((await get({ ...invoice, order_number: "1003" })).body.data.message).toMatch(/source_amount/);
    expect((await get({ ...invoice, source_amount: "1" })).body.data.message).toMatch(/already been taken/);
    plisio.faults.push({ kind: "error", status: 500, message: "down" });
    expect((await get({ ...invoice, order_number: "1004", source_amount: "1" })).status).toBe(500);
  });

  it("signs callbacks so that Mimic's verifier accepts them, overrides in place", () => {
    const inv = plisio.invoices[0];
    if (!inv) throw new Error("no invoice");
    const body = plisio.callback(inv, "completed", { amount: "1" });
    expect(body).toMatchObject({ order_number: "1001", status: "completed", source_amount: "29.99", amount: "1" });
    expect(verifyPlisioSignature(body, "fake-key")).toBe(true);
    expect(verifyPlisioSignature(body, "other-key")).toBe(false);
  });
});
