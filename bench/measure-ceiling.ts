import { createRawClient, describeRawRun, type RawRun } from "./raw-orders.ts";

// The ceiling's candidate concurrencies (requests in flight, one connection each) when --raw-concurrency is auto.
const RAW_CANDIDATES = [8, 16, 32, 64, 128, 256, 512];
// ccxt signs binanceusdm orders with the venue profile's recvWindow (core/exchange/venue-profiles.ts).
const RECV_WINDOW = 5000;

/**
 * bench:fanout's ceiling: the same orders sent straight to the fake by the leanest client on ccxt's HTTP stack
 * (bench/raw-orders.ts), warmed as Mimic was, its concurrency tuned on this machine, then the best of three runs.
 */
export async function measureCeiling(opts: {
  url: string;
  symbol: string;
  exchangePid: number;
  /** Orders per measured run: the benchmark's followers. */
  orders: number;
  warmup: { orders: number; rounds: number };
  /** Mimic's own orders in flight (workers × concurrency), one of the candidates when tuning. */
  ownConcurrency: number;
  /** "auto", a number, or a comma-separated list to choose from. */
  concurrency: string;
  tuneRounds: number;
  log: (msg: string) => void;
}) {
  const raw = createRawClient({
    url: opts.url,
    symbol: opts.symbol,
    quantity: "0.003",
    recvWindow: RECV_WINDOW,
    exchangePid: opts.exchangePid,
  });
  opts.log(`raw: ceiling method: ${raw.method}`);
  const rawRuns: RawRun[] = [];
  const rawRun = async (label: string, orders: number, concurrency: number, keyPrefix: string) => {
    const r = await raw.run({ label, orders, concurrency, keyPrefix });
    opts.log(`  ${describeRawRun(r)}`);
    rawRuns.push(r);
    return r;
  };
  const ownConcurrency = opts.ownConcurrency;
  const candidates =
    opts.concurrency === "auto"
      ? [...new Set([...RAW_CANDIDATES, ownConcurrency])].sort((a, b) => a - b)
      : opts.concurrency.split(",").map(Number);
  if (candidates.some((c) => !Number.isInteger(c) || c < 1)) throw new Error("--raw-concurrency: auto or numbers");
  const tuneRounds = opts.tuneRounds;
  if (!Number.isInteger(tuneRounds) || tuneRounds < 1) throw new Error("--raw-tune-rounds: at least 1");
  const colds = [];
  for (let round = 0; round < opts.warmup.rounds; round++)
    colds.push(await rawRun(`warm-up-${round + 1}`, opts.warmup.orders, ownConcurrency, "rawwarm"));
  let rawConcurrency = candidates[0] as number;
  if (candidates.length > 1) {
    const best = new Map<number, number>();
    for (let round = 0; round < tuneRounds; round++) {
      // Up, then down: a machine that slows or speeds up through the tuning favours neither end.
      for (const c of round % 2 ? [...candidates].reverse() : candidates) {
        const r = await rawRun(`tune-${c}-${round + 1}`, opts.orders, c, "raw");
        best.set(c, Math.max(best.get(c) ?? 0, r.ordersPerSec));
      }
    }
    rawConcurrency = [...best].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    opts.log(
      `raw: tuning (best of ${tuneRounds} runs of ${opts.orders} orders each): ${[...best].map(([c, v]) => `concurrency ${c} ${v.toFixed(0)} orders/s`).join(", ")}; chose ${rawConcurrency}`,
    );
  }
  await raw.closePools(rawConcurrency);
  // The chosen pool's connections may have idled through the other candidates' runs: warm them again.
  await rawRun("re-warm", opts.warmup.orders, rawConcurrency, "rawwarm");
  const runs = [
    await rawRun("1", opts.orders, rawConcurrency, "raw"),
    await rawRun("2", opts.orders, rawConcurrency, "raw"),
    await rawRun("3", opts.orders, rawConcurrency, "raw"),
  ];
  await raw.closePools();
  const rawBest = runs.reduce((best, r) => (r.ordersPerSec > best.ordersPerSec ? r : best));
  const failures = rawRuns.reduce((n, r) => n + r.failures, 0);
  if (failures) opts.log(`raw: ${failures} orders failed`);
  const pct = (rs: { stealPct: number }[]) => rs.map((r) => `${r.stealPct.toFixed(0)}%`).join(", ");
  opts.log(
    `raw: warm-up ${colds.map((r) => r.ordersPerSec.toFixed(0)).join(", ")} orders/s, then ${runs.map((r) => r.ordersPerSec.toFixed(0)).join(", ")}; concurrency ${rawConcurrency}; accepted ${runs.map((r) => r.accepted).join(", ")} of ${opts.orders}; steal ${pct(runs)}`,
  );
  return { rawBest, rawConcurrency, runs };
}
