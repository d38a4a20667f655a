import type { DbClient } from "../../platform/db-client.ts";
import { buildCorpus, type Corpus, type CorpusSource } from "./corpus.ts";

export interface DbCorpusOptions {
  /** How often, at most, the cache asks the database whether the chunks changed (another process may ingest). */
  refreshMs?: number;
}

/**
 * The `SupportChunk` rows, held in memory and rebuilt only when they change: a question costs no query but a
 * cheap change check (row count and last update) every `refreshMs`.
 */
export function createDbCorpusSource(
  opts: DbCorpusOptions,
  deps: { prisma: DbClient; now?: () => number },
): CorpusSource {
  const refreshMs = opts.refreshMs ?? 10_000;
  const now = deps.now ?? Date.now;
  let cached: { corpus: Corpus; signature: string; checkedAt: number } | undefined;
  let loading: Promise<Corpus> | undefined;

  const signature = async () => {
    const agg = await deps.prisma.supportChunk.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
    return `${agg._count._all}:${agg._max.updatedAt?.getTime() ?? 0}`;
  };

  const refresh = async (): Promise<Corpus> => {
    const sig = await signature();
    if (cached && cached.signature === sig) {
      cached.checkedAt = now();
      return cached.corpus;
    }
    const rows = await deps.prisma.supportChunk.findMany({
      select: {
        id: true,
        source: true,
        heading: true,
        anchor: true,
        position: true,
        content: true,
        embedding: true,
        embeddingModel: true,
      },
    });
    const corpus = buildCorpus(rows.map((r) => ({ ...r, embedding: r.embedding.length > 0 ? r.embedding : null })));
    cached = { corpus, signature: sig, checkedAt: now() };
    return corpus;
  };

  return {
    load() {
      if (cached && now() - cached.checkedAt < refreshMs) return Promise.resolve(cached.corpus);
      // Concurrent questions share one check.
      loading ??= refresh().finally(() => {
        loading = undefined;
      });
      return loading;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
