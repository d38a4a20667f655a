import { tokenize } from "./tokenize.ts";

/** A BM25 index over documents held in memory: the corpus is hundreds of chunks, scored per query in well under a millisecond. */
export interface Bm25Index {
  /** The best `k` documents for the query, by index, best first; documents sharing no word are left out. */
  search(query: string, k: number): Array<{ index: number; score: number }>;
}

export function buildBm25(documents: string[], params: { k1?: number; b?: number } = {}): Bm25Index {
  const k1 = params.k1 ?? 1.2;
  const b = params.b ?? 0.75;
  const termFreqs = documents.map((d) => {
    const tf = new Map<string, number>();
    for (const t of tokenize(d)) tf.set(t, (tf.get(t) ?? 0) + 1);
    return tf;
  });
  const lengths = termFreqs.map((tf) => [...tf.values()].reduce((s, n) => s + n, 0));
  const avgLength = lengths.reduce((s, n) => s + n, 0) / Math.max(1, lengths.length);
  const docFreq = new Map<string, number>();
  for (const tf of termFreqs) for (const t of tf.keys()) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
  const n = documents.length;
  const idf = (t: string) => {
    const df = docFreq.get(t) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };

  return {
    search(query, k) {
      const terms = [...new Set(tokenize(query))];
      const scored: Array<{ index: number; score: number }> = [];
      termFreqs.forEach((tf, index) => {
        let score = 0;
        for (const t of terms) {
          const f = tf.get(t);
          if (!f) continue;
          score += (idf(t) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * (lengths[index] ?? 0)) / avgLength));
        }
        if (score > 0) scored.push({ index, score });
      });
      return scored.sort((x, y) => y.score - x.score).slice(0, k);
    },
  };
}
