import { AppError } from "../platform/errors.ts";

// Longest first so that "USDT" wins over "USD" and "FDUSD" over "USD".
const QUOTES = ["FDUSD", "USDT", "USDC", "BUSD", "USD"];

/**
 * TradingView sends "BTCUSDT", "BTCUSDT.P", "BINANCE:BTCUSDT.P" (and people paste "BTC/USDT").
 * Mimic copies perpetual futures, so every form maps to ccxt's unified linear-swap symbol "BTC/USDT:USDT";
 * USD-quoted pairs map to the inverse swap "BTC/USD:BTC".
 */
export function normalizeSymbol(raw: string): string {
  let s = raw.trim().toUpperCase();
  const colon = s.indexOf(":");
  // "BINANCE:BTCUSDT.P" has an exchange prefix; "BTC/USDT:USDT" is already unified (settle suffix).
  if (colon > 0 && !s.includes("/")) s = s.slice(colon + 1);
  if (s.includes("/")) {
    const [pair, settle] = s.split(":");
    const [base, quote] = (pair ?? "").split("/");
    if (!base || !quote || !/^[A-Z0-9]+$/.test(base + quote)) throw badSymbol(raw);
    return `${base}/${quote}:${settle || settleOf(base, quote)}`;
  }
  s = s.replace(/\.P$|PERP$/, "");
  if (!/^[A-Z0-9]+$/.test(s)) throw badSymbol(raw);
  const quote = QUOTES.find((q) => s.endsWith(q) && s.length > q.length);
  if (!quote) throw badSymbol(raw);
  const base = s.slice(0, -quote.length);
  return `${base}/${quote}:${settleOf(base, quote)}`;
}

function settleOf(base: string, quote: string): string {
  return quote === "USD" ? base : quote;
}

function badSymbol(raw: string): AppError {
  return new AppError("BAD_REQUEST", `symbol: cannot read "${raw}" as a futures pair such as BTCUSDT.P`, {
    details: { field: "symbol" },
  });
}
