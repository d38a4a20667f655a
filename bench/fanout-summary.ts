import { quantile } from "./quantile.ts";

interface Pass {
  totalMs: number;
  ordersPerSec: number;
  firstOrderMs: number;
  ackP99: number;
  acks: number[];
  ackFailures: number;
  workerRss: number;
  stealPct: number;
}

/**
 * bench:fanout's last lines: each pass against the best ceiling, and the line other tools parse (`fanout …`):
 * throughput from the best quiet pass, the first order as the quiet passes' median, the ack p99 of the loaded
 * passes' acks pooled, the largest worker RSS.
 */
export function printFanoutSummary(opts: {
  followers: number;
  quiets: Pass[];
  loadeds: Pass[];
  rawBest: { ordersPerSec: number; stealPct: number };
  rawConcurrency: number;
  log: (msg: string) => void;
}): void {
  const { quiets, loadeds, rawBest, rawConcurrency, log } = opts;
  const N = opts.followers;
  const quiet = quiets.reduce((best, r) => (r.ordersPerSec > best.ordersPerSec ? r : best));
  const pooled = loadeds.flatMap((l) => l.acks).sort((a, b) => a - b);
  const pooledFailures = loadeds.reduce((n, l) => n + l.ackFailures, 0);
  const pct = (rs: { stealPct: number }[]) => rs.map((r) => `${r.stealPct.toFixed(0)}%`).join(", ");
  const f = (x: number, d = 0) => x.toFixed(d);
  const all = [...quiets, ...loadeds];
  log(
    `quiet passes: ${quiets.map((q) => `${q.totalMs} ms ${f(q.ordersPerSec)} orders/s first order ${q.firstOrderMs} ms`).join(", ")}; ratio of each to the best ceiling: ${quiets.map((q) => f(q.ordersPerSec / rawBest.ordersPerSec, 2)).join(", ")}; steal ${pct(quiets)}`,
  );
  log(
    `loaded passes: ratio ${loadeds.map((l) => f(l.ordersPerSec / rawBest.ordersPerSec, 2)).join(", ")}; ack p99 of each ${loadeds.map((l) => f(l.ackP99, 1)).join(", ")} ms; pooled ${pooled.length - pooledFailures} acks p50 ${f(quantile(pooled, 0.5), 1)} ms p99 ${f(quantile(pooled, 0.99), 1)} ms; ack failures ${pooledFailures}; steal ${pct(loadeds)}`,
  );
  // Throughput from the best quiet pass against the best ceiling; the first order as the median of the quiet
  // passes (each is one sample, and an outlier either way says little); the ack figure from the loaded passes' acks pooled;
  // the largest RSS of all passes.
  const firstOrders = quiets.map((q) => q.firstOrderMs).sort((a, b) => a - b);
  log(
    `fanout followers=${N} total_ms=${f(quiet.totalMs)} orders_per_s=${f(quiet.ordersPerSec)} raw_orders_per_s=${f(rawBest.ordersPerSec)} ratio=${f(quiet.ordersPerSec / rawBest.ordersPerSec, 2)} first_order_ms=${f(firstOrders[1] as number)} ack_p99_ms=${f(quantile(pooled, 0.99), 1)} worker_rss_mb=${f(Math.max(...all.map((p) => p.workerRss)))} ack_failures=${pooledFailures} raw_method=undici-pool raw_concurrency=${rawConcurrency} steal_pct=${f(quiet.stealPct)} raw_steal_pct=${f(rawBest.stealPct)}`,
  );
}
