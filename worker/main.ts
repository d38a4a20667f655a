// `npm run worker`: job processors only. Run as many as you like, on any machine that reaches Postgres and Redis.
import { loadEnvOrExit } from "../core/platform/config.ts";
import { startHeartbeat } from "../core/platform/heartbeat.ts";
import { createLogger } from "../core/platform/logger.ts";
import { observeRuntime, processMetrics } from "../core/platform/metrics.ts";
import { serveMetrics } from "../core/platform/metrics-server.ts";
import { requireSharedInfra } from "../core/platform/require-shared-infra.ts";
import { onShutdown } from "../core/platform/shutdown.ts";
import { buildTradingRuntime } from "../core/platform/trading-runtime.ts";
import {
  createSupportKnowledge,
  ingestAtStartup,
  supportKnowledgeOptions,
} from "../core/support/knowledge/support-knowledge.ts";
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
// Support's knowledge base follows docs/: what changed since the last start is re-chunked and re-embedded, in the
// background (docs/support.md).
void ingestAtStartup(createSupportKnowledge(supportKnowledgeOptions(env), { db: rt.db, logger }), logger);
// Notifications ("notify" jobs) are delivered by the process running the Telegram bot, not here.
const workers = await startWorkers(rt);
const heartbeat = await startHeartbeat({ db: rt.db.prisma, logger }, { kind: "worker" });
const metrics = processMetrics();
observeRuntime(metrics, { db: rt.db.prisma, queue: workers.queue });
const metricsServer =
  env.WORKER_METRICS_PORT !== undefined
    ? await serveMetrics({ metrics, port: env.WORKER_METRICS_PORT, host: env.HOST, token: env.METRICS_TOKEN, logger })
    : undefined;
logger.info({ queue: workers.mode, concurrency: env.WORKER_CONCURRENCY, pid: process.pid, priority }, "worker is up");
// The heartbeat stops after the work in flight: the worker is alive until then.
onShutdown(logger, [async () => metricsServer?.close(), workers.close, heartbeat.stop, rt.close]);
