import type { Decimal } from "../../core/platform/decimal.ts";

/** Escapes text for Telegram's HTML parse mode. */
export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A money amount for people: 2 decimals for quotes, trailing zeros trimmed for amounts. */
export const money = (d: Decimal, quote = "USDT") => `${d.toFixed(2)} ${quote}`;
export const signedMoney = (d: Decimal, quote = "USDT") => `${d.gte(0) ? "+" : ""}${d.toFixed(2)} ${quote}`;
export const amount = (d: Decimal | string) => (typeof d === "string" ? d : d.toString());

export const accountName = (a: { exchange: string; label: string | null }) =>
  a.label ? `${a.label} (${a.exchange})` : a.exchange;

export const shortId = (id: string) => id.slice(0, 8);
