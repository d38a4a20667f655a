import { createHmac, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { cpuUsage, stolenTime } from "./cpu-usage.ts";

// The HTTP client ccxt itself uses: the `undici` package that ccxt imports (its own dependency, resolved from
// ccxt's directory so that it is the same copy), not Node's bundled one behind the global fetch. ccxt sends each
// request with `undici.request` through a keep-alive undici Agent per instance (connections 256, pipelining 1,
// keep-alive 60 s; see getDispatcherOptions in ccxt's base Exchange).
const requireFromCcxt = createRequire(import.meta.resolve("ccxt"));
const undici = requireFromCcxt("undici") as typeof import("undici");
const undiciVersion = (requireFromCcxt("undici/package.json") as { version: string }).version;

export interface RawRun {
  label: string;
  orders: number;
  concurrency: number;
  /** Orders the fake exchange counted as accepted during the run (/__control/stats acceptedOrders). */
  accepted: number;
  /** Answers the client read as a filled order (HTTP 200, status FILLED). */
  clientAccepted: number;
  /** Orders the client saw refused or failed (non-200, another status, connection error or timeout). */
  failures: number;
  firstFailure?: string;
  ms: number;
  /** accepted ÷ ms: only orders the exchange accepted count. */
  ordersPerSec: number;
  stealPct: number;
  steal: string;
  cpu: Record<string, number>;
}

/**
 * The physical ceiling: Binance USDⓈ-M market orders signed by hand and sent with undici, no ccxt, queue or
 * database. Orders are placed as Mimic's passes place them: run r sends one order from each of `keys` distinct
 * keys `<prefix>-<i>` (the fake auto-registers a key signed with `secret-<apiKey>`, as the benchmark's
 * followers are), the request body being the query string ccxt's binance.sign builds for a market order
 * (core/exchange/binance-market-order.ts) with its HMAC-SHA256 signature. One undici Pool per concurrency, with
 * as many connections as requests in flight and no pipelining, kept (and its connections kept alive) across runs.
 */
export function createRawClient(opts: {
  url: string;
  symbol: string;
  quantity: string;
  /** ccxt signs with the venue profile's recvWindow (5,000 ms for binanceusdm). */
  recvWindow: number;
  /** The exchange's pid, for the CPU it spends per run. */
  exchangePid: number;
}) {
  const pools = new Map<number, InstanceType<typeof undici.Pool>>();
  const poolFor = (concurrency: number) => {
    let pool = pools.get(concurrency);
    if (!pool) {
      pool = new undici.Pool(opts.url, {
        connections: concurrency,
        pipelining: 1,
        keepAliveTimeout: 60_000,
        keepAliveMaxTimeout: 600_000,
        // ccxt's per-request timeout in Mimic (10 s), as undici's own timers rather than a timer per request.
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
      });
      pools.set(concurrency, pool);
    }
    return pool;
  };
  const control = async (path: string, method = "GET") => {
    const res = await fetch(`${opts.url}/__control/${path}`, method === "GET" ? {} : { method, body: "{}" });
    return (await res.json()) as { acceptedOrders: number };
  };

  const run = async (run: { label: string; orders: number; concurrency: number; keyPrefix: string }) => {
    const pool = poolFor(run.concurrency);
    // Client order ids shaped as Mimic's ("mm" + 28 hex + "-e"), unique per run.
    const tag = randomBytes(7).toString("hex");
    let next = 0;
    let clientAccepted = 0;
    let failures = 0;
    let firstFailure: string | undefined;
    const fail = (why: string) => {
      failures++;
      firstFailure ??= why;
    };
    const send = async (i: number) => {
      const apiKey = `${run.keyPrefix}-${i}`;
      const clientOrderId = `mm${tag}${i.toString(16).padStart(14, "0")}-e`;
      // binance.sign: the nonce first, then the request as binanceMarketOrderRequest builds it, then recvWindow.
      const query = `timestamp=${Date.now()}&symbol=${opts.symbol}&side=BUY&newClientOrderId=${clientOrderId}&newOrderRespType=RESULT&type=MARKET&quantity=${opts.quantity}&recvWindow=${opts.recvWindow}`;
      const signature = createHmac("sha256", `secret-${apiKey}`).update(query).digest("hex");
      try {
        const res = await pool.request({
          path: "/fapi/v1/order",
          method: "POST",
          headers: { "X-MBX-APIKEY": apiKey, "Content-Type": "application/x-www-form-urlencoded" },
          body: `${query}&signature=${signature}`,
        });
        const text = await res.body.text();
        if (res.statusCode === 200 && (JSON.parse(text) as { status?: string }).status === "FILLED") clientAccepted++;
        else fail(`${res.statusCode} ${text.slice(0, 200)}`);
      } catch (err) {
        fail(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
      }
    };
    await control("reset-counters", "POST");
    const cpu = await cpuUsage({ exchange: [opts.exchangePid], client: [process.pid] });
    const steal = await stolenTime();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: Math.min(run.concurrency, run.orders) }, async () => {
        while (next < run.orders) await send(next++);
      }),
    );
    const ms = performance.now() - started;
    const stolen = await steal();
    const cpuSeconds = await cpu();
    const { acceptedOrders } = await control("stats");
    const result: RawRun = {
      label: run.label,
      orders: run.orders,
      concurrency: run.concurrency,
      accepted: acceptedOrders,
      clientAccepted,
      failures,
      firstFailure,
      ms,
      ordersPerSec: (acceptedOrders / ms) * 1000,
      stealPct: stolen.percent,
      steal: String(stolen),
      cpu: cpuSeconds,
    };
    return result;
  };

  return {
    method: `undici ${undiciVersion} (ccxt's copy) Pool.request, connections = concurrency, pipelining 1, keep-alive 60 s; one order per key per run from as many distinct keys as followers, HMAC-SHA256 over ccxt's query string; counted by the exchange's acceptedOrders`,
    run,
    /** Closes every pool but the one of this concurrency (or all of them). */
    async closePools(keep?: number) {
      for (const [c, pool] of pools) {
        if (c === keep) continue;
        pools.delete(c);
        await pool.close();
      }
    },
  };
}

export function describeRawRun(r: RawRun): string {
  const mismatch = r.clientAccepted === r.accepted ? "" : ` (the client read ${r.clientAccepted} as filled)`;
  const failed = r.failures ? `, ${r.failures} refused or failed (first: ${r.firstFailure})` : "";
  return `raw run ${r.label} (concurrency ${r.concurrency}): ${r.orders} orders, ${r.accepted} accepted by the exchange${mismatch}${failed}; ${r.ms.toFixed(0)} ms, ${r.ordersPerSec.toFixed(0)} orders/s; cpu seconds: ${Object.entries(
    r.cpu,
  )
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(", ")}, ${r.steal}`;
}
