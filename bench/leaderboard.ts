// npm run bench:leaderboard [-- --runs 30]
// Seeds two databases as the scoring sweep leaves them: 1,000 followers over 10,000 closed trades, and 10,000 over
// 100,000 (10 closed trades each, on days spread over the last 30, all opted in; DailyReturn rows summed per user
// and day, one TournamentEntry each in a running tournament). Then times, alternating between the two:
//   - an ask: what /leaderboard 30d costs a follower (the ranking from the window's kept snapshot, the asker's own
//     figures read fresh); printed as `leaderboard small_ms=… large_ms=… ratio=…`, the target being ratio <= 2;
//   - the snapshot: the whole ranking of the window, read at most once a minute per process (`# snapshot …`);
//   - a tournament's standings, top 10 and the asker's place (`# tournament …`).
import { parseArgs } from "node:util";
import { createLeaderboardCache } from "../core/community/leaderboard/leaderboard-cache.ts";
import { leaderboardSnapshot } from "../core/community/leaderboard/leaderboard-snapshot.ts";
import { showLeaderboard } from "../core/community/leaderboard/show-leaderboard.ts";
import { tournamentStandings } from "../core/community/tournaments/tournament-standings.ts";
import { createDb, type Db, inMemoryDataDir } from "../core/platform/db/create-db.ts";
import { createBenchState } from "./bench-state.ts";
import { quantile } from "./quantile.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "30" } } });
const RUNS = Number(values.runs);
const TRADES_PER_FOLLOWER = 10;
const log = (msg: string) => process.stdout.write(`${msg}\n`);
const id = (kind: string, expr: string) =>
  `overlay(overlay(md5('${kind}-' || ${expr}) placing '4' from 13) placing '8' from 17)::uuid::text`;

/** Followers (all opted in) and the aggregates of their closed trades, in SQL. */
async function seed(db: Db, followers: number): Promise<string> {
  const q = (text: string, params: unknown[] = []) => db.sql.query(text, params);
  await q(
    `INSERT INTO "User" ("id", "nickname", "leaderboardJoinedAt")
    SELECT ${id("user", "i")}, 'trader_' || i, now() FROM generate_series(1, $1) i`,
    [followers],
  );
  // Trade k of follower i closes on day (i + 3k) mod 30 before today, with a return between -10% and +10%: the
  // rows of one (user, day) summed, as the scoring sweep keeps them.
  await q(
    `INSERT INTO "DailyReturn" ("userId", "day", "pnl", "margin", "trades")
    SELECT ${id("user", "i")}, current_date - ((i + 3 * k) % 30), SUM(((i * 7 + k * 13) % 21 - 10) * 10.0), SUM(1000), COUNT(*)
    FROM generate_series(1, $1) i, generate_series(0, ${TRADES_PER_FOLLOWER - 1}) k
    GROUP BY 1, 2`,
    [followers],
  );
  await q(`INSERT INTO "Tournament" ("id", "name", "startsAt", "endsAt", "minTrades")
    VALUES (${id("tournament", "'1'")}, 'Bench cup', now() - interval '10 days', now() + interval '10 days', 5)`);
  await q(
    `INSERT INTO "TournamentEntry" ("tournamentId", "userId", "pnl", "margin", "trades")
    SELECT ${id("tournament", "'1'")}, ${id("user", "i")}, ((i * 7) % 21 - 10) * 10.0, 1000 * (1 + i % 9), 1 + i % 9
    FROM generate_series(1, $1) i`,
    [followers],
  );
  await q("ANALYZE");
  const [row] = await q(`SELECT ${id("tournament", "'1'")} AS id`);
  return (row as { id: string }).id;
}

type Target = { db: Db; followers: number; tournamentId: string };
const mid = (xs: number[]) =>
  quantile(
    xs.sort((x, y) => x - y),
    0.5,
  );

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

/** Median of each measure on both databases, runs alternating so the machine's load weighs on both alike. */
async function measure(small: Target, large: Target) {
  const clock = { now: () => new Date() };
  const caches = new Map([small, large].map((t) => [t, createLeaderboardCache()]));
  const asker = (t: Target, run: number) => `user-${1 + ((run * 7919) % t.followers)}`;
  const userIds = new Map<string, string>();
  const userId = async (t: Target, name: string) => {
    const key = `${t.followers}:${name}`;
    if (!userIds.has(key)) {
      const n = name.slice(5);
      const rows = await t.db.sql.query(`SELECT ${id("user", `'${n}'`)} AS id`, []);
      userIds.set(key, (rows[0] as { id: string }).id);
    }
    return userIds.get(key) as string;
  };
  const kinds = ["ask", "snapshot", "tournament"] as const;
  const times = Object.fromEntries(kinds.map((k) => [k, { small: [] as number[], large: [] as number[] }]));
  for (let run = 0; run < RUNS + 5; run++) {
    for (const [side, t] of [
      ["small", small],
      ["large", large],
    ] as const) {
      const me = await userId(t, asker(t, run));
      const deps = { db: t.db.prisma, clock, leaderboardCache: caches.get(t) };
      const ask = await timed(() => showLeaderboard({ userId: me, window: "30d" }, deps));
      const snapshot = await timed(() => leaderboardSnapshot({ window: "30d", now: new Date() }, { db: t.db.prisma }));
      const tournament = await timed(() =>
        tournamentStandings(
          { tournamentId: t.tournamentId, minTrades: 5, final: false, userId: me },
          { db: t.db.prisma },
        ),
      );
      if (run < 5) continue;
      times.ask![side].push(ask);
      times.snapshot![side].push(snapshot);
      times.tournament![side].push(tournament);
    }
  }
  return Object.fromEntries(kinds.map((k) => [k, { small: mid(times[k]!.small), large: mid(times[k]!.large) }]));
}

const targets: Target[] = [];
const cleanups: (() => Promise<void>)[] = [];
try {
  for (const followers of [1_000, 10_000]) {
    const state = await createBenchState();
    const db = await createDb({ databaseUrl: state.databaseUrl, dataDir: inMemoryDataDir, poolMax: 10 });
    cleanups.push(async () => {
      await db.close();
      await state.drop();
    });
    await db.migrate();
    const t0 = performance.now();
    const tournamentId = await seed(db, followers);
    log(
      `# seeded ${followers} followers, ${followers * TRADES_PER_FOLLOWER} closed trades in ${Math.round(performance.now() - t0)} ms`,
    );
    targets.push({ db, followers, tournamentId });
  }
  const r = await measure(targets[0] as Target, targets[1] as Target);
  const line = (m: { small: number; large: number }) =>
    `small_ms=${m.small.toFixed(2)} large_ms=${m.large.toFixed(2)} ratio=${(m.large / m.small).toFixed(2)}`;
  log(`leaderboard ${line(r.ask!)}`);
  log(`# snapshot (the whole 30d ranking, once a minute per process) ${line(r.snapshot!)}`);
  log(`# tournament standings (top 10 and the asker's place) ${line(r.tournament!)}`);
} finally {
  for (const cleanup of cleanups) await cleanup();
}
process.exit(0);
