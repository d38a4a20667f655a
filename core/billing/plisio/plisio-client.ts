import type { Logger } from "pino";
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";

/** What Mimic asks Plisio for: an invoice in USD for one of our orders. */
export interface InvoiceRequest {
  orderNumber: string;
  orderName: string;
  /** Decimal string, e.g. "29.99". */
  amountUsd: string;
  callbackUrl: string;
  expireMin: number;
}

export interface PlisioInvoice {
  txnId: string;
  invoiceUrl: string;
}

export interface PlisioClient {
  createInvoice(req: InvoiceRequest): Promise<PlisioInvoice>;
}

const success = z.object({
  status: z.literal("success"),
  data: z.object({ txn_id: z.string().min(1), invoice_url: z.url() }),
});
const failure = z.object({
  status: z.literal("error"),
  data: z.object({ name: z.string().optional(), message: z.unknown().optional(), code: z.unknown().optional() }),
});

// Refusals of ours and failures of theirs read the same to a follower: the invoice could not be made.
const wording = "plans-invoice-failed";

/**
 * Plisio's API over fetch (`GET {apiRoot}/invoices/new`). The secret key travels as the `api_key` parameter, so
 * the URL is never logged and errors never carry it.
 */
export function createPlisioClient(opts: {
  apiRoot: string;
  secretKey: string;
  timeoutMs?: number;
  logger: Logger;
  fetch?: typeof fetch;
}): PlisioClient {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return {
    async createInvoice(req) {
      const url = new URL(`${opts.apiRoot.replace(/\/+$/, "")}/invoices/new`);
      const params = {
        api_key: opts.secretKey,
        order_number: req.orderNumber,
        order_name: req.orderName,
        source_currency: "USD",
        source_amount: req.amountUsd,
        callback_url: req.callbackUrl,
        expire_min: String(req.expireMin),
      };
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      const log = opts.logger.child({ orderNumber: req.orderNumber });
      let res: Response;
      try {
        res = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
      } catch (err) {
        const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
        log.warn({ err: timedOut ? "timeout" : (err as Error).message }, "plisio: invoice request failed");
        throw new AppError("INTERNAL", timedOut ? "plisio: no answer in time" : "plisio: unreachable", {
          details: { wording },
        });
      }
      const body: unknown = await res.json().catch(() => null);
      const ok = success.safeParse(body);
      if (ok.success) return { txnId: ok.data.data.txn_id, invoiceUrl: ok.data.data.invoice_url };
      const refused = failure.safeParse(body);
      if (refused.success) {
        const message = typeof refused.data.data.message === "string" ? refused.data.data.message : "refused";
        log.error({ status: res.status, name: refused.data.data.name, message }, "plisio: invoice refused");
        // 5xx is theirs and passes; anything else (a wrong key, an amount below their minimum) is ours to fix.
        throw new AppError(res.status >= 500 ? "INTERNAL" : "CONFIG_INVALID", `plisio: ${message}`, {
          details: { wording },
        });
      }
      log.error({ status: res.status }, "plisio: unexpected answer to an invoice request");
      throw new AppError("INTERNAL", `plisio: unexpected answer (HTTP ${res.status})`, { details: { wording } });
    },
  };
}
