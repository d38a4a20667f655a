import type pg from "pg";
import type { DbClient } from "../core/platform/db-client.ts";
import type { Proc } from "../test/processes.ts";
import { cpuUsage, stolenTime } from "./cpu-usage.ts";
import type { fanoutSignals } from "./fanout-signals.ts";
import { samplePeakRss } from "./process-rss.ts";
import type { secondStrategyLoad } from "./second-strategy-load.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One measured pass of bench:fanout: one entry signal to the N followers, alone or while the second strategy takes
 * `rate` webhooks/s; its throughput, first order, acks, the CPU of every process, Postgres transactions and WAL.
 * The strategy's trades are closed afterwards, outside the measurement.
 */
export function measurePass(d: {
  control: (path: string, body?: unknown) => Promise<Record<string, number | null | number[]>>;
  load: ReturnType<typeof secondStrategyLoad>;
  signals: ReturnType<typeof fanoutSignals>;
  procs: { api: Proc; workers: Proc[]; exchange: Proc };
  admin: pg.Client;
  dbName: string;
  prisma: DbClient;
  strategy: { slug: string; passphrase: string };
  symbol: string;
  followers: number;
  log: (msg: string) => void;
}) {
  const N = d.followers;
  return async (id: string, rate: number) => {
    await d.control("reset-counters", {});
    const acks: number[] = [];
    const loadAcks: [number, number][] = [];
    const loadFailed: [number, number][] = [];
    const loadProc = rate > 0 ? await d.load.startLoad(`${id}-load`, rate) : undefined;
    const rss = samplePeakRss(d.procs.workers.map((w) => w.child.pid as number));
    const cpu = await cpuUsage({
      workers: d.procs.workers.map((w) => w.child.pid as number),
      api: [d.procs.api.child.pid as number],
      exchange: [d.procs.exchange.child.pid as number],
      postgres: "postgres",
      redis: "redis-server",
      // This process (polling Postgres, sampling /proc) and the second strategy's webhooks: on the same two cores.
      bench: [process.pid],
      load: loadProc ? [loadProc.child.pid as number] : [],
    });
    const steal = await stolenTime();
    const commits = async () =>
      Number(
        (await d.admin.query("SELECT xact_commit FROM pg_stat_database WHERE datname = $1", [d.dbName])).rows[0]
          ?.xact_commit,
      );
    const wal = async () => {
      const row = (await d.admin.query("SELECT wal_bytes::float8 AS bytes, wal_fpi::float8 AS fpi FROM pg_stat_wal"))
        .rows[0] as { bytes: number; fpi: number };
      return row;
    };
    await sleep(200);
    const commitsBefore = await commits();
    const walBefore = await wal();
    const t0 = Date.now();
    const fired = await d.signals.webhook(d.strategy, { symbol: d.symbol, action: "long", id });
    acks.push(fired.ms);
    const counts = await d.signals.waitTerminal(fired.signalId, N, 300_000);
    const cpuSeconds = await cpu();
    const stolen = await steal();
    // Statistics reach pg_stat_database within a second or so of a transaction ending.
    const transactions = (await sleep(1000).then(commits)) - commitsBefore;
    // The whole server's WAL, the benchmark's own polling included; the run is all that writes here.
    const walAfter = await wal();
    const walBytes = walAfter.bytes - walBefore.bytes;
    const fullPages = walAfter.fpi - walBefore.fpi;
    if (loadProc) {
      const load = await d.load.stopLoad(loadProc);
      loadAcks.push(...load.acks);
      loadFailed.push(...load.failed);
    }
    await sleep(200);
    const workerRss = rss.stop();
    const last = await d.prisma.execution.aggregate({
      where: { signalId: fired.signalId },
      _max: { updatedAt: true },
    });
    const totalMs = (last._max.updatedAt as Date).getTime() - t0;
    const stats = await d.control("stats");
    // The second strategy's deliveries sent while the fan-out ran: from the webhook to the last execution.
    // sentAt is each delivery's scheduled time, and ms runs from it (bench/webhook-load.ts). A delivery that
    // failed counts as an infinitely slow ack in the percentiles.
    for (const [sentAt, ms] of loadAcks) if (sentAt >= t0 && sentAt <= t0 + totalMs) acks.push(ms);
    const ackFailures = loadFailed.filter(([sentAt]) => sentAt >= t0 && sentAt <= t0 + totalMs).length;
    for (let k = 0; k < ackFailures; k++) acks.push(Number.POSITIVE_INFINITY);
    acks.sort((a, b) => a - b);
    const result = {
      totalMs,
      filled: counts.filled ?? 0,
      ordersPerSec: ((counts.filled ?? 0) / totalMs) * 1000,
      firstOrderMs: (stats.firstOrderAt as number) - t0,
      ackP99: acks[Math.min(acks.length - 1, Math.floor(acks.length * 0.99))] ?? 0,
      acks,
      ackFailures,
      workerRss,
      stealPct: stolen.percent,
    };
    d.log(
      `pass ${id} (second strategy at ${rate}/s): executions ${JSON.stringify(counts)}; exchange accepted ${stats.acceptedOrders}, duplicates ${stats.duplicateCreates}; total ${totalMs} ms, ${result.ordersPerSec.toFixed(0)} orders/s, first order ${result.firstOrderMs} ms, last order ${(stats.lastOrderAt as number) - t0} ms, ${acks.length - ackFailures} acks p50 ${acks[Math.floor(acks.length / 2)]?.toFixed(1)} ms p99 ${result.ackP99.toFixed(1)} ms, worker RSS ${workerRss.toFixed(0)} MB, ack failures ${ackFailures} (in the percentiles as infinite)`,
    );
    if (rate > 0)
      d.log(
        `  slowest acks (ms): ${acks
          .slice(-8)
          .map((a) => a.toFixed(1))
          .join(" ")}`,
      );
    d.log(`  orders accepted per 50 ms from the first: ${(stats.ordersPer50ms as unknown as number[]).join(" ")}`);
    await d.signals.flatten(d.strategy, id, N);
    d.log(
      `  cpu seconds: ${Object.entries(cpuSeconds)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(
          ", ",
        )}, ${stolen}; postgres transactions ${transactions} (${(transactions / N).toFixed(2)} per follower, the waiting loop's included), WAL ${(walBytes / N).toFixed(0)} bytes and ${(fullPages / N).toFixed(2)} full-page images per follower`,
    );
    return result;
  };
}
