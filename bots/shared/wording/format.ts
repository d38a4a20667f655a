import type { Decimal } from "../../../core/platform/decimal.ts";

// Numbers as every transport shows them: exact decimals as strings, never through Fluent's number formatting
// (which would group and round them). Wording arguments take these strings.

/** A money amount: 2 decimals and the quote, e.g. "59.40 USDT". */
export const money = (d: Decimal, quote = "USDT") => `${d.toFixed(2)} ${quote}`;
/** The same with a sign: "+59.40 USDT", "-3.10 USDT". */
export const signedMoney = (d: Decimal, quote = "USDT") => `${d.gte(0) ? "+" : ""}${d.toFixed(2)} ${quote}`;
/** A quantity or price as the exchange gave it, trailing zeros trimmed. */
export const amount = (d: Decimal | string) => (typeof d === "string" ? d : d.toString());

/** An account as people see it: "Main (binanceusdm)", or just the exchange. */
export const accountName = (a: { exchange: string; label: string | null }) =>
  a.label ? `${a.label} (${a.exchange})` : a.exchange;

export const shortId = (id: string) => id.slice(0, 8);

/** A moment as "2024-05-01 13:45" (UTC; the wording says so). */
export const utcMinute = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");
/** A moment as "13:45" (UTC; the wording says so). */
export const utcTime = (d: Date) => d.toISOString().slice(11, 16);
