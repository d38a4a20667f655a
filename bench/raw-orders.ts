import { createHmac } from "node:crypto";

/**
 * The physical ceiling: market orders signed by hand and sent with bare fetch, no ccxt, queue or database,
 * one distinct key per order (the fake auto-registers keys signed with `secret-<apiKey>`).
 */
export async function rawOrders(opts: {
  url: string;
  orders: number;
  concurrency: number;
  symbol: string;
  quantity: string;
}) {
  let next = 0;
  let failures = 0;
  const tag = Math.random().toString(36).slice(2, 8);
  const send = async (i: number) => {
    const apiKey = `raw-${tag}-${i}`;
    const body = new URLSearchParams({
      symbol: opts.symbol,
      side: "BUY",
      type: "MARKET",
      quantity: opts.quantity,
      newClientOrderId: `raw${tag}${i}`,
      newOrderRespType: "RESULT",
      timestamp: String(Date.now()),
    }).toString();
    const signature = createHmac("sha256", `secret-${apiKey}`).update(body).digest("hex");
    const res = await fetch(`${opts.url}/fapi/v1/order`, {
      method: "POST",
      headers: { "X-MBX-APIKEY": apiKey, "Content-Type": "application/x-www-form-urlencoded" },
      body: `${body}&signature=${signature}`,
    });
    const json = (await res.json()) as { status?: string };
    if (json.status !== "FILLED") failures++;
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.orders) await send(next++);
    }),
  );
  const ms = performance.now() - started;
  return { ms, ordersPerSec: (opts.orders / ms) * 1000, failures };
}
