import ccxt, { type Dict, type Exchange } from "ccxt";
import { applyUrlOverride } from "../../core/exchange/ccxt-url-override.ts";

// Clients of the fake for its tests. The real ccxt binanceusdm client pointed at a fake, as production builds it (core/exchange/venue-profiles.ts)
// but with ccxt's own throttle off, so a test controls exactly what reaches the fake and when.

export const BTC = "BTC/USDT:USDT";
export const ETH = "ETH/USDT:USDT";

export async function ccxtClient(
  url: string,
  apiKey: string,
  opts: { options?: Dict; timeout?: number; secret?: string } = {},
): Promise<Exchange> {
  const ex = new ccxt.binanceusdm({
    apiKey,
    secret: opts.secret ?? `secret-${apiKey}`,
    enableRateLimit: false,
    timeout: opts.timeout ?? 10_000,
    options: { defaultType: "swap", fetchCurrencies: false, recvWindow: 5_000, ...opts.options },
  });
  applyUrlOverride(ex, url);
  await ex.loadMarkets();
  return ex;
}

/** What a ccxt call threw, for assertions on its class and message. */
export async function thrown(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    if (err instanceof Error) return err;
    throw new Error(`non-Error thrown: ${String(err)}`);
  }
  throw new Error("expected a rejection");
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A /__control call, as a test in another process would make it; returns status and JSON body. */
export async function control(
  url: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/__control/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** ccxt types an order's id as optional; the fake always sets it. */
export function idOf(order: { id?: string | undefined }): string {
  if (!order.id) throw new Error("order without an id");
  return order.id;
}
