import {
  createSourceBindingLookup,
  type MessageOrigin,
  type SourceMatch,
} from "../../../core/channels/find-source-bindings.ts";
import type { DbClient } from "../../../core/platform/db-client.ts";

/** How stale the set of source channel ids (and each channel's bindings) may get: binds made by another process. */
export const SOURCE_REFRESH_MS = 5_000;

/**
 * Which channels are source channels, for the message listener that sees every message of every channel the
 * bot is in. The ids of all source channels are one small set, read again every `refreshMs`: a message in any
 * other channel (nearly all of them) costs no query. Only a source channel's messages go on to core's per-channel
 * lookup (poster match). `forget` is what `bindChannel`/`unbindChannel` call, so a change made in this process
 * counts from the next message; one made by another bot process within `refreshMs`.
 */
export interface SourceChannels {
  find(message: MessageOrigin): Promise<SourceMatch>;
  forget(channelId: string): void;
}

const NO_SOURCE: SourceMatch = { source: false, matches: [] };

export function createSourceChannels(
  db: DbClient,
  opts: { refreshMs?: number; now?: () => number } = {},
): SourceChannels {
  const refreshMs = opts.refreshMs ?? SOURCE_REFRESH_MS;
  const now = opts.now ?? Date.now;
  const lookup = createSourceBindingLookup(db, { ttlMs: refreshMs });
  let ids = new Set<string>();
  let loadedAt = Number.NEGATIVE_INFINITY;
  // Bumped by forget(): a read that started before a bind committed must not replace what the bind added.
  let generation = 0;
  let loading: Promise<void> | null = null;

  const load = () => {
    loading ??= (async () => {
      const started = generation;
      const rows = await db.channelBinding.findMany({
        where: { kind: "source" },
        select: { channelId: true },
        distinct: ["channelId"],
      });
      if (started !== generation) return;
      ids = new Set(rows.map((r) => r.channelId));
      loadedAt = now();
    })().finally(() => {
      loading = null;
    });
    return loading;
  };

  return {
    async find(message) {
      if (now() - loadedAt > refreshMs) await load();
      if (!ids.has(message.channelId)) return NO_SOURCE;
      return lookup.find(message);
    },
    forget(channelId) {
      generation += 1;
      // Counted as a source until the next read says otherwise; core's lookup then answers from the database.
      ids.add(channelId);
      loadedAt = Number.NEGATIVE_INFINITY;
      lookup.forget(channelId);
    },
  };
}

// One per database client: the /channel command and the message listener of a process share it without a field
// in DiscordDeps, and tests with their own databases never share one.
const perDb = new WeakMap<DbClient, SourceChannels>();

export function sourceChannelsOf(db: DbClient): SourceChannels {
  let channels = perDb.get(db);
  if (!channels) {
    channels = createSourceChannels(db);
    perDb.set(db, channels);
  }
  return channels;
}
