// `npm run worker`: job processors only. Run as many as you like, on any machine that reaches Postgres and Redis.
import { loadEnvOrExit } from "../core/platform/config.ts";
import { createLogger } from "../core/platform/logger.ts";
import { requireSharedInfra } from "../core/platform/require-shared-infra.ts";
import { onShutdown } from "../core/platform/shutdown.ts";
import { buildTradingRuntime } from "../core/platform/trading-runtime.ts";
import { lowerPriority } from "./lower-priority.ts";
import { startWorkers } from "./start-workers.ts";

const env = loadEnvOrExit(process.env);
const problem = requireSharedInfra(env, "worker");
if (problem) {
  console.error(problem);
  process.exit(1);
}
// A worker is throughput work; the API's acks are latency work. Yield the CPU to the latter.
const priority = lowerPriority({ process: env.WORKER_NICE, session: env.WORKER_SESSION_NICE });
const logger = createLogger({
  pretty: env.NODE_ENV === "development" && process.stdout.isTTY,
  level: env.LOG_LEVEL,
  name: "mimic-worker",
});
const rt = await buildTradingRuntime(env, logger);
// Notifications ("notify" jobs) are delivered by the process running the Telegram bot, not here.
const workers = await startWorkers(rt);
logger.info({ queue: workers.mode, concurrency: env.WORKER_CONCURRENCY, pid: process.pid, priority }, "worker is up");
onShutdown(logger, [workers.close, rt.close]);
