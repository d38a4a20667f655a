import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { LiveEvent } from "../../core/platform/live-events.ts";
import type { AppDeps } from "../app-deps.ts";
import type { AdminEnv } from "./admin-env.ts";
import { createLiveHub, type PageEvent } from "./live-hub.ts";

/** A page gets at most two updates a second, however large the fan-out: events wait and merge in between. */
export const MIN_UPDATE_GAP_MS = 500;
const KEEPALIVE_MS = 25_000;

const keyOf = (e: LiveEvent) =>
  e.type === "execution"
    ? `x|${e.signalId}`
    : e.type === "signal"
      ? `s|${e.signalId}`
      : e.type === "trade"
        ? `t|${e.tradeId}|${e.state}`
        : `w|${e.id}|${e.state}`;

/** GET /admin/events: Server-Sent Events for a signed-in page (the session guard runs before this). */
export function adminEventRoutes(deps: AppDeps) {
  const app = new Hono<AdminEnv>();
  const hub = createLiveHub({ db: deps.db, clock: deps.clock, events: deps.events, logger: deps.logger });

  app.get("/admin/events", (c) =>
    streamSSE(c, async (stream) => {
      const pending = new Map<string, LiveEvent>();
      let lastSent = 0;
      let timer: NodeJS.Timeout | undefined;
      let closed = false;
      const flush = async () => {
        timer = undefined;
        if (closed || !pending.size) return;
        const events = [...pending.values()];
        pending.clear();
        lastSent = Date.now();
        const out: PageEvent[] = await Promise.all(
          events.map(
            async (e): Promise<PageEvent> =>
              e.type === "execution"
                ? { type: "executions", signalId: e.signalId, counts: await hub.counts(e.signalId) }
                : e,
          ),
        );
        if (!closed) await stream.writeSSE({ event: "update", data: JSON.stringify(out) });
      };
      const detach = hub.attach((events) => {
        for (const e of events) pending.set(keyOf(e), e);
        if (timer || !pending.size) return;
        const wait = Math.max(0, lastSent + MIN_UPDATE_GAP_MS - Date.now());
        timer = setTimeout(() => {
          flush().catch(() => undefined);
        }, wait);
      });
      const done = new Promise<void>((resolve) => {
        const end = () => {
          closed = true;
          resolve();
        };
        stream.onAbort(end);
        if (deps.stopping?.aborted) end();
        deps.stopping?.addEventListener("abort", end, { once: true });
      });
      await stream.writeSSE({ event: "hello", data: "{}" });
      const keepalive = setInterval(() => {
        stream.writeSSE({ event: "ping", data: "{}" }).catch(() => undefined);
      }, KEEPALIVE_MS);
      try {
        await done;
      } finally {
        clearInterval(keepalive);
        clearTimeout(timer);
        detach();
      }
    }),
  );
  return app;
}
