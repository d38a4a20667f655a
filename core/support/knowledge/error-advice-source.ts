/**
 * The advice the bots already give when an order fails or a key is refused (locales/en/*.ftl), as a Markdown
 * document for the knowledge base: the wording is read from the locale files, so the answers and the bots never
 * say two different things. Source name: `bots:error-advice`.
 */
export const ERROR_ADVICE_SOURCE = "bots:error-advice";

// Titles are ours; every sentence under them comes from the locale files.
const ORDER_FAILURES: Record<string, string> = {
  INSUFFICIENT_MARGIN: "not enough margin",
  BELOW_MINIMUM: "order below the exchange's minimum size",
  UNKNOWN_MARKET: "market not listed on the exchange",
  INVALID_KEY: "API key refused by the exchange",
  ORDER_REJECTED: "order rejected by the exchange",
  NO_PRICE: "no price to trade at",
  RATE_LIMITED: "rate-limited by the exchange",
  EXCHANGE_UNAVAILABLE: "exchange unreachable",
  EXCHANGE_UNCERTAIN: "order not confirmed by the exchange",
  ORDER_EXPIRED: "entry expired without a fill",
  ORDER_PENDING: "order never finished filling",
};

const REFUSALS: Array<{ key: string; title: string }> = [
  { key: "errors-invalid-key", title: "Linking refused: the exchange refused the API keys (INVALID_KEY)" },
  { key: "errors-key-can-withdraw", title: "Linking refused: the API key can withdraw funds (KEY_CAN_WITHDRAW)" },
  { key: "errors-position-mode", title: "Linking refused: the account is in hedge mode (POSITION_MODE)" },
  { key: "errors-exchange-timeout", title: "The exchange did not answer in time" },
  { key: "errors-internal", title: "Something went wrong on our side" },
  { key: "errors-locked-later", title: "Too many wrong authenticator codes (LOCKED)" },
  { key: "errors-wrong-code", title: "Wrong, expired or already used code" },
  { key: "errors-account-disabled", title: "Your Mimic account is disabled" },
];

/** Single-line Fluent messages (`key = text`); placeables are left as they are. */
function simpleMessages(ftl: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of ftl.matchAll(/^([a-z][\w-]*) = (.+)$/gm)) if (m[1] && m[2]) out.set(m[1], m[2].trim());
  return out;
}

/** The variants of a select message (`[CODE] text`), by variant key. */
function selectVariants(ftl: string, key: string): Map<string, string> {
  const out = new Map<string, string>();
  const start = ftl.search(new RegExp(`^${key} =\\s*$`, "m"));
  if (start < 0) return out;
  for (const line of ftl.slice(start).split("\n").slice(1)) {
    if (/^\S/.test(line)) break;
    const v = /^\s+\*?\[(\w+)\]\s+(.+)$/.exec(line);
    if (v?.[1] && v[2]) out.set(v[1], v[2].trim());
  }
  return out;
}

export function errorAdviceMarkdown(locale: { notifications: string; errors: string }): string {
  const advice = selectVariants(locale.notifications, "notifications-advice");
  const notes = simpleMessages(locale.notifications);
  const errors = simpleMessages(locale.errors);
  const parts = [
    "# Why an order failed, and what to do",
    'When a copied order fails, the bot sends "Failed: <what> (<strategy> on <account>)", the reason, and this advice for its error code.',
  ];
  for (const [code, title] of Object.entries(ORDER_FAILURES)) {
    const text = advice.get(code);
    if (text) parts.push(`## Order failed: ${title} (${code})`, `Error code ${code}. ${text}`);
  }
  const slippage = notes.get("notifications-advice-slippage-cap");
  if (slippage) parts.push("## Order failed: the price moved past the slippage cap (ORDER_EXPIRED)", slippage);
  const unprotected = /^notifications-unprotected =\n((?:\s+.+\n?)+)/m.exec(locale.notifications)?.[1];
  if (unprotected)
    parts.push("## Position open without its take-profit or stop-loss", unprotected.replace(/\s+/g, " ").trim());
  parts.push("# What the bots say when a command is refused");
  for (const { key, title } of REFUSALS) {
    const text = errors.get(key);
    if (text) parts.push(`## ${title}`, text);
  }
  return `${parts.join("\n\n")}\n`;
}
