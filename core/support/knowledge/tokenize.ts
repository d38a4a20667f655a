// Words every question shares ("how do I…") say nothing about which section answers it.
const STOP_WORDS = new Set(
  (
    "a about after all also am an and any are as at be been before being but by can could did do does doing done " +
    "for from get gets got had has have how i if in into is it its just me more my no not of on once or other our " +
    "out over own same should so some such than that the their them then there these they this those through to " +
    "too under until up very was we were what when where which while who why will with would you your yours"
  ).split(" "),
);

/**
 * A light suffix stemmer: enough that "linking", "linked" and "links" meet "link", without a library. Over-
 * stemming a few words costs less than missing the plural of every noun in a question.
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  for (const [suffix, keep] of [
    ["ies", "y"],
    ["ing", ""],
    ["ed", ""],
    ["es", ""],
    ["s", ""],
  ] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const base = word.slice(0, -suffix.length) + keep;
      // "stopped" → "stopp" → "stop": a doubled final consonant left by the suffix goes too.
      return /([b-df-hj-np-tv-z])\1$/.test(base) && !base.endsWith("ll") && !base.endsWith("ss")
        ? base.slice(0, -1)
        : base;
    }
  }
  return word;
}

/** Lower-cased, stemmed words of a text, stop words left out; identifiers split at `_` and `-` as well. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}_-]*/gu) ?? []) {
    const parts = raw.split(/[_-]+/).filter(Boolean);
    for (const w of parts.length > 1 ? [...parts, raw.replace(/[_-]+/g, "")] : parts) {
      if (!STOP_WORDS.has(w)) out.push(stem(w));
    }
  }
  return out;
}
