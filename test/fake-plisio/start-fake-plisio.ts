import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { signPlisioCallback } from "./sign-callback.ts";

/** One `GET /api/v1/invoices/new` as it arrived: every query parameter, and what we answered. */
export interface FakeInvoice {
  params: Record<string, string>;
  txnId: string;
  invoiceUrl: string;
}

/** What the fake answers instead of an invoice, once per queued fault. */
export type PlisioFault = { kind: "error"; status: number; message: string } | { kind: "hang" } | { kind: "garbage" };

/**
 * A local Plisio API: invoice creation (`GET /api/v1/invoices/new`) that records its parameters and answers as
 * Plisio does (`{status: "success", data: {txn_id, invoice_url, …}}`, errors as `{status: "error", data: {name,
 * message, code}}`), and callbacks for an invoice signed as Plisio signs them, for tests to post to Mimic.
 */
export interface FakePlisio {
  /** PLISIO_API_ROOT for Mimic: `http://127.0.0.1:<port>/api/v1`. */
  readonly apiRoot: string;
  readonly secretKey: string;
  readonly invoices: FakeInvoice[];
  /** Faults answered to the next invoice requests, first in first out. */
  readonly faults: PlisioFault[];
  /**
   * Plisio's callback for an invoice in `status`, signed with the secret key: the fields Plisio sends, in its
   * order, with `overrides` applied in place (or appended).
   */
  callback(invoice: FakeInvoice, status: string, overrides?: Record<string, unknown>): Record<string, unknown>;
  close(): Promise<void>;
}

export async function startFakePlisio(opts: { secretKey?: string } = {}): Promise<FakePlisio> {
  const secretKey = opts.secretKey ?? randomBytes(24).toString("base64url");
  const invoices: FakeInvoice[] = [];
  const faults: PlisioFault[] = [];
  const hanging = new Set<ServerResponse>();

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, code: number, name: string, message: string) =>
    send(res, code, { status: "error", data: { name, message, code } });

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fake");
    if (req.method !== "GET" || url.pathname !== "/api/v1/invoices/new") {
      return error(res, 404, "NotFound", "Page not found");
    }
    const params = Object.fromEntries(url.searchParams);
    const fault = faults.shift();
    if (fault?.kind === "hang") return void hanging.add(res);
    if (fault?.kind === "garbage") return void res.writeHead(502).end("<html>Bad gateway</html>");
    if (fault?.kind === "error") return error(res, fault.status, "Error", fault.message);
    if (params.api_key !== secretKey) return error(res, 401, "Unauthorized", "Your credentials are incorrect");
    const missing = ["order_number", "order_name"].filter((k) => !params[k]);
    if (!params.source_amount && !params.amount) missing.push("source_amount");
    if (missing.length) {
      return error(res, 422, "UnprocessableEntity", `${missing.join(", ")} cannot be blank`);
    }
    if (invoices.some((i) => i.params.order_number === params.order_number)) {
      return error(res, 422, "UnprocessableEntity", "Order number has already been taken");
    }
    const txnId = randomBytes(12).toString("hex");
    const invoice = { params, txnId, invoiceUrl: `https://plisio.net/invoice/${txnId}` };
    invoices.push(invoice);
    send(res, 200, {
      status: "success",
      data: { txn_id: txnId, invoice_url: invoice.invoiceUrl, invoice_total_sum: null },
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}/api/v1`,
    secretKey,
    invoices,
    faults,
    callback(invoice, status, overrides = {}) {
      const fields: Record<string, unknown> = {
        txn_id: invoice.txnId,
        ipn_type: "invoice",
        merchant: "Mimic test",
        merchant_id: "5f0e2b7c8d9a1b2c3d4e5f60",
        amount: "0.00045120",
        pending_amount: "0.00000000",
        wallet_hash: "bc1qfakewallethashfortests0000000000000000",
        psys_cid: "BTC",
        currency: "BTC",
        status,
        source_currency: invoice.params.source_currency ?? "USD",
        source_rate: "66489.15",
        expire_utc: Math.floor(Date.now() / 1000) + 3600,
        expected_confirmations: "1",
        qr_code: "data:image/png;base64,iVBORw0KGgo=",
        verify_hash: "",
        invoice_commission: "0.00000226",
        invoice_sum: "0.00045120",
        invoice_total_sum: "0.00045346",
        order_number: invoice.params.order_number,
        order_name: invoice.params.order_name,
        source_amount: invoice.params.source_amount,
        comment: "Plisio API callback",
      };
      for (const [k, v] of Object.entries(overrides)) fields[k] = v;
      return signPlisioCallback(fields, secretKey);
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
