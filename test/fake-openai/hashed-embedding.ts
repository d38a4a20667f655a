/**
 * Deterministic embeddings for the fake OpenAI server: a hashed bag of words, so texts sharing words are close
 * under cosine similarity and the same text always gives the same vector, with no model behind it.
 */
export const FAKE_EMBEDDING_DIMENSIONS = 256;

// Words that every question shares would make every text look alike; dropping them keeps the fake's ranking sane.
const STOP_WORDS = new Set(
  "a an and are as at be by can do does for from how i if in is it my of on or the to what when where which why with you your".split(
    " ",
  ),
);

export function fakeTokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => !STOP_WORDS.has(w))
    .map((w) => (w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w));
}

function fnv1a(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function fakeEmbedding(text: string, dimensions = FAKE_EMBEDDING_DIMENSIONS): number[] {
  const v = new Array<number>(dimensions).fill(0);
  for (const word of fakeTokens(text)) {
    const h = fnv1a(word);
    const i = h % dimensions;
    v[i] = (v[i] ?? 0) + ((h >>> 16) & 1 ? 1 : -1);
  }
  const norm = Math.hypot(...v);
  // An empty text still needs a unit vector: real models never return zeros.
  if (norm === 0) return v.map((_, i) => (i === 0 ? 1 : 0));
  return v.map((x) => x / norm);
}

/** The openai SDK asks for base64 unless told otherwise: little-endian float32, as OpenAI sends it. */
export function toBase64Floats(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString("base64");
}
