// npm run bench:notify -- --followers 1000 --transport discord|telegram
// One execution notification to each of N followers, through the real outbox (queueNotifications) and the
// transport's real notifier, against a local fake that enforces the platform's limits: Discord 50 requests/s
// overall (429 with retry_after past it), Telegram 30 messages/s overall and 1 per chat per second.
// Prints: notify transport=… followers=… delivered=… seconds=… rate_per_s=… limit_per_s=… ratio=… rejected_429=…
import { parseArgs } from "node:util";
import pLimit from "p-limit";
import { deliverNotification } from "../core/notifications/deliver-notification.ts";
import { queueNotifications } from "../core/notifications/queue-notifications.ts";
import { createDb } from "../core/platform/db/create-db.ts";
import { silentLogger } from "../core/platform/logger.ts";
import { createRecordingQueue } from "../test/recording-queue.ts";
import { createBenchState } from "./bench-state.ts";
import { startNotifyTarget } from "./notify/notify-target.ts";
import { seedNotifiedFollowers } from "./notify/seed-followers.ts";

const { values } = parseArgs({
  options: {
    followers: { type: "string", default: "1000" },
    transport: { type: "string", default: "telegram" },
    // As many in flight as a worker takes (worker/start-workers.ts: 32 "notify" jobs).
    concurrency: { type: "string", default: "32" },
  },
});
const FOLLOWERS = Number(values.followers);
const transport = values.transport;
if (transport !== "telegram" && transport !== "discord") {
  console.error("--transport must be discord or telegram");
  process.exit(2);
}
if (!Number.isInteger(FOLLOWERS) || FOLLOWERS < 1) {
  console.error("--followers must be a positive whole number");
  process.exit(2);
}

const state = await createBenchState();
const target = await startNotifyTarget(transport, { followers: FOLLOWERS });
try {
  const db = await createDb({ databaseUrl: state.databaseUrl, dataDir: ".data", poolMax: 10 });
  await db.migrate();
  await seedNotifiedFollowers(db.prisma, { followers: FOLLOWERS, transport });
  const clock = { now: () => new Date() };
  const queue = createRecordingQueue();
  const limit = pLimit(Number(values.concurrency));

  const started = performance.now();
  await queueNotifications({ db: db.prisma, queue, clock });
  const results = await Promise.all(
    queue.jobs.map((job) =>
      limit(() =>
        deliverNotification(job.data as { notificationId: string }, {
          db: db.prisma,
          notifier: target.notifier,
          clock,
          logger: silentLogger,
        }),
      ),
    ),
  );
  const seconds = (performance.now() - started) / 1000;

  const { perRecipient, accepted, rejected429 } = await target.report();
  const counts = Object.values(perRecipient);
  const once = counts.filter((n) => n === 1).length;
  const duplicated = counts.filter((n) => n > 1).length;
  const notSent = results.filter((r) => r !== "sent").length;
  const rate = once / seconds;
  console.log(
    `notify transport=${transport} followers=${FOLLOWERS} delivered=${once} seconds=${seconds.toFixed(2)} ` +
      `rate_per_s=${rate.toFixed(1)} limit_per_s=${target.limitPerSecond} ` +
      `ratio=${(rate / target.limitPerSecond).toFixed(2)} rejected_429=${rejected429}`,
  );
  console.log(
    `  requests=${accepted + rejected429} accepted=${accepted} rejected_429_pct=${((100 * rejected429) / Math.max(1, accepted + rejected429)).toFixed(2)} ` +
      `duplicated=${duplicated} not_sent=${notSent} jobs=${queue.jobs.length}`,
  );
  await db.close();
  const ok = once === FOLLOWERS && duplicated === 0 && rejected429 <= 0.01 * (accepted + rejected429);
  if (!ok) process.exitCode = 1;
} finally {
  await target.close();
  await state.drop();
}
