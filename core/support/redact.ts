/**
 * Secrets a follower may paste into a question, replaced before the text is stored or sent to a model. Ordered
 * from the most specific pattern to the most general, so a key is named for what it is.
 */
const patterns: Array<{ kind: string; re: RegExp }> = [
  { kind: "private key", re: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g },
  { kind: "api key", re: /\b(sk|pk|rk)-[A-Za-z0-9_-]{16,}\b/g },
  // "secret: xyz", "api_key=xyz", "password xyz", "clave: xyz": the label says what follows is a secret.
  {
    kind: "secret",
    re: /\b(api[ _-]?key|api[ _-]?secret|secret(?:[ _-]?key)?|password|passphrase|contraseña|clave(?:[ _-]?secreta)?|token)(\s*[:=]\s*|\s+(?:is|es)\s+)\S{6,}/gi,
  },
  { kind: "token", re: /\b[A-Fa-f0-9]{32,}\b/g },
  // Long base64-ish runs with both letters and digits (exchange API keys and secrets are 32–64 of these).
  {
    kind: "token",
    re: /(?<![\w/+=-])(?=[A-Za-z0-9+/_=-]*\d)(?=[A-Za-z0-9+/_=-]*[A-Za-z])[A-Za-z0-9+/_-]{24,}={0,2}(?![\w/+=-])/g,
  },
  // Six digits on their own, maybe ending a sentence: a 2FA code. Not part of a price, a time or an id.
  { kind: "2fa code", re: /(?<![\w.,:/-])\d{6}(?![\w/-]|[.,:]\d)/g },
];

export interface Redacted {
  text: string;
  /** What was removed ("api key", "seed phrase", …), once each; empty when nothing was. */
  kinds: string[];
}

// BIP-39 words are 3–8 lowercase letters, and none of these common ones is among them: a run of 12+ such words
// with hardly any of these is a seed phrase, one with several is a sentence.
const SEED_RUN = /(?<![\w-])(?:[a-z]{3,8}[ \t]+){11,}[a-z]{3,8}(?![\w-])/g;
const NOT_BIP39 = new Set(
  "the and you for how can not but why what when does this that with have are was from your there their they its".split(
    " ",
  ),
);

function redactSeedPhrases(text: string, kinds: Set<string>): string {
  return text.replace(SEED_RUN, (run) => {
    const words = run.split(/\s+/);
    if (words.filter((w) => NOT_BIP39.has(w)).length > 1) return run;
    kinds.add("seed phrase");
    return "[redacted seed phrase]";
  });
}

export function redactSecrets(input: string): Redacted {
  const kinds = new Set<string>();
  let text = redactSeedPhrases(input, kinds);
  for (const { kind, re } of patterns) {
    text = text.replace(re, (_match, label?: string, sep?: string) => {
      kinds.add(kind);
      // Keep the label ("api_key:") so the question still reads naturally.
      if (kind === "secret" && label && sep !== undefined) return `${label}${sep}[redacted ${kind}]`;
      return `[redacted ${kind}]`;
    });
  }
  return { text, kinds: [...kinds] };
}
