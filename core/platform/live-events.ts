import type { Redis } from "ioredis";
import type { Logger } from "pino";

/** What the admin page hears about as it happens. Ids only: a page reads what it shows from the database. */
export type LiveEvent =
  | { type: "signal"; signalId: string; strategyId: string }
  | { type: "execution"; signalId: string; status: string }
  | { type: "trade"; tradeId: string; accountId?: string; state: "opened" | "closed" }
  | { type: "worker"; id: string; state: "up" | "down" };

/** The half the copying path holds: publishing never throws and never waits. */
export interface LiveEventPublisher {
  publish(event: LiveEvent): void;
}

export interface LiveEvents extends LiveEventPublisher {
  /** Called with each batch of events, from this process or (with Redis) any other; returns the unsubscribe. */
  subscribe(listener: (events: LiveEvent[]) => void): () => void;
  close(): Promise<void>;
}

// A fan-out to 10,000 followers finishes 10,000 executions within seconds: they leave as one message per
// window, so Redis sees a few publishes a second instead of one per follower.
const FLUSH_MS = 200;
const MAX_BATCH = 2000;

function listenerSet() {
  const listeners = new Set<(events: LiveEvent[]) => void>();
  return {
    add(listener: (events: LiveEvent[]) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(events: LiveEvent[], logger?: Logger) {
      for (const listener of listeners) {
        try {
          listener(events);
        } catch (err) {
          logger?.warn({ err: (err as Error).message }, "live event listener failed");
        }
      }
    },
  };
}

/** Batches events for FLUSH_MS; execution events of one signal and status collapse into one. */
function batcher(send: (events: LiveEvent[]) => void) {
  let pending: LiveEvent[] = [];
  const seen = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const events = pending;
    pending = [];
    seen.clear();
    if (events.length) send(events);
  };
  return {
    push(event: LiveEvent) {
      if (event.type === "execution") {
        const key = `${event.signalId}|${event.status}`;
        if (seen.has(key)) return;
        seen.add(key);
      }
      if (pending.length >= MAX_BATCH) return;
      pending.push(event);
      timer ??= setTimeout(flush, FLUSH_MS).unref();
    },
    flush() {
      if (timer) clearTimeout(timer);
      flush();
    },
  };
}

/** Embedded defaults: one process, so listeners are called in it. */
export function createInProcessLiveEvents(opts: { logger?: Logger } = {}): LiveEvents {
  const listeners = listenerSet();
  const batch = batcher((events) => listeners.emit(events, opts.logger));
  return {
    publish: (event) => batch.push(event),
    subscribe: (listener) => listeners.add(listener),
    async close() {
      batch.flush();
    },
  };
}

/**
 * With Redis, events from any worker reach every API process: pub/sub on one channel. The subscriber is a
 * connection of its own (a subscribed connection can do nothing else), opened with the first listener.
 */
export function createRedisLiveEvents(opts: { connection: Redis; channel: string; logger: Logger }): LiveEvents {
  const { connection, channel, logger } = opts;
  const listeners = listenerSet();
  let subscriber: Redis | undefined;
  const batch = batcher((events) => {
    connection.publish(channel, JSON.stringify(events)).catch((err: Error) => {
      logger.warn({ err: err.message }, "live events not published");
    });
  });
  const listen = () => {
    if (subscriber) return;
    subscriber = connection.duplicate();
    subscriber.on("error", (err) => logger.warn({ err: err.message }, "live events subscriber error"));
    subscriber.on("message", (ch: string, message: string) => {
      if (ch !== channel) return;
      try {
        listeners.emit(JSON.parse(message) as LiveEvent[], logger);
      } catch {
        logger.warn("unreadable live event message");
      }
    });
    subscriber
      .subscribe(channel)
      .catch((err: Error) => logger.warn({ err: err.message }, "live events not subscribed"));
  };
  return {
    publish: (event) => batch.push(event),
    subscribe(listener) {
      listen();
      return listeners.add(listener);
    },
    async close() {
      batch.flush();
      subscriber?.disconnect();
    },
  };
}

/** Publishes without letting a broken bus reach the caller: the copying path must not fail for a page. */
export function publishSafely(events: LiveEventPublisher | undefined, event: LiveEvent): void {
  try {
    events?.publish(event);
  } catch {
    // A page misses one update; the next one catches it up.
  }
}
