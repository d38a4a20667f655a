import type { Sql } from "../core/platform/sql.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Strategy = { slug: string; passphrase: string };

/**
 * bench:fanout's signals: a webhook as TradingView sends it, the wait for a signal's executions to end, and the
 * close that flattens a strategy's trades between two measured entries.
 */
export function fanoutSignals(opts: {
  api: string;
  sql: Sql;
  symbol: string;
  /** False when the workers run without reconciliation: then no fills are read after a close. */
  reconciling: boolean;
  log: (msg: string) => void;
}) {
  const webhook = async (strategy: Strategy, body: object) => {
    const started = performance.now();
    const res = await fetch(`${opts.api}/webhooks/tradingview/${strategy.slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ passphrase: strategy.passphrase, ...body }),
    });
    const json = (await res.json()) as { signalId?: string };
    if (res.status !== 202 || !json.signalId) throw new Error(`webhook answered ${res.status} ${JSON.stringify(json)}`);
    return { signalId: json.signalId, ms: performance.now() - started };
  };
  // Plain SQL on the pool: through Prisma the poll's query compiled in wasm on this process's main thread.
  const terminal = async (signalId: string) => {
    const rows = await opts.sql.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM "Execution" WHERE "signalId" = $1 GROUP BY status`,
      [signalId],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
  };
  const waitTerminal = async (signalId: string, n: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const counts = await terminal(signalId);
      const done = (counts.filled ?? 0) + (counts.failed ?? 0) + (counts.skipped ?? 0);
      if (done >= n) return counts;
      if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(counts)}`);
      // Coarse on purpose: counting 10,000 rows is real work for the Postgres under test. total_ms comes from
      // the executions' own timestamps, not from this loop.
      await sleep(250);
    }
  };

  // Each measured signal is an entry; a second entry of the same strategy while its trade is open would be a
  // duplicate. So every entry is followed, outside any measurement, by the strategy's close: the next signal then
  // opens fresh trades, as the first did.
  const flatten = async (strategy: Strategy, id: string, n: number) => {
    const close = await webhook(strategy, { symbol: opts.symbol, action: "close", id: `${id}-close` });
    const counts = await waitTerminal(close.signalId, n, 300_000);
    if ((counts.filled ?? 0) < n) opts.log(`  close after ${id}: ${JSON.stringify(counts)}`);
    // Reconciliation then reads each closed trade's fills (its fees) once, spread over its interval: bookkeeping
    // bench:reconcile measures. The next signal starts once it is done, so no pass carries the last one's.
    const started = Date.now();
    // With reconciliation turned off (--worker-env RECONCILE_INTERVAL_MS=0) there is nothing to wait for.
    for (; opts.reconciling; ) {
      // (A build before trades existed has nothing to wait for: the same benchmark measures both.)
      const [row] = await opts.sql
        .query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Trade" WHERE "status" = 'closed' AND "fillsSyncedAt" IS NULL AND "entryAmount" > 0`,
          [],
        )
        .catch((err: { code?: string }) => (err.code === "42P01" ? [{ n: 0 }] : Promise.reject(err)));
      if (!row?.n) break;
      if (Date.now() - started > 60_000) throw new Error(`reconciliation did not settle: ${row.n} trades unsynced`);
      await sleep(250);
    }
    // And the tables those closes churned are vacuumed now, not by an autovacuum in the middle of the next pass.
    await opts.sql.query("VACUUM ANALYZE", []);
  };

  return { webhook, waitTerminal, flatten };
}
