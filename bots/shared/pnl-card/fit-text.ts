import type { Decimal } from "../../../core/platform/decimal.ts";

// satori cannot shrink text to fit, so amounts are sized from their estimated width before layout.
// Advance widths in em of Inter Bold (measured with satori, rounded up; Inter Regular is narrower).
const DIGIT = 0.69;
const EM: Record<string, number> = { ".": 0.35, ",": 0.35, "-": 0.48, "+": 0.69, "\u2212": 0.69, " ": 0.3, "—": 1 };
const OTHER = 0.95;

const MINUS = "\u2212";

/** An upper estimate of the width of `text` in Inter at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) em += c >= "0" && c <= "9" ? DIGIT : (EM[c] ?? OTHER);
  return em * fontSize;
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** The sign of an amount rounded to cents: a value that rounds to zero has none (or "+" when signed). */
function sign(d: Decimal, signed: boolean): string {
  const cents = d.toDecimalPlaces(2);
  if (cents.isNeg() && !cents.isZero()) return MINUS;
  return signed ? "+" : "";
}

/** 1234567.891 as "1,234,567.89"; negatives with a minus sign, and "+" before the others when `signed`. */
export function formatAmount(d: Decimal, signed = false): string {
  const [int, frac] = d.abs().toFixed(2).split(".");
  return `${sign(d, signed)}${group(int!)}.${frac}`;
}

const UNITS = [
  ["T", 1e12],
  ["B", 1e9],
  ["M", 1e6],
  ["K", 1e3],
] as const;

/** 1234567.89 as "1.23M": for amounts too long to show in full at a readable size. */
export function formatCompact(d: Decimal, signed = false): string {
  const abs = d.abs();
  const unit = UNITS.find(([, size]) => abs.gte(size));
  if (!unit) return formatAmount(d, signed);
  const [int, frac] = abs.div(unit[1]).toFixed(2).split(".");
  return `${sign(d, signed)}${group(int!)}.${frac}${unit[0]}`;
}

export type Fitted = { text: string; fontSize: number };

/**
 * An amount and the font size that fits it in `width` px: the full amount at `fontSize`, or smaller down to
 * `minFontSize`, else the compact form ("1.23B"). A missing amount is a dash.
 */
export function fitAmount(
  d: Decimal | null,
  o: { signed: boolean; fontSize: number; minFontSize: number; width: number },
): Fitted {
  if (d === null) return { text: "—", fontSize: o.fontSize };
  const sizeFor = (text: string) =>
    Math.min(o.fontSize, Math.floor((o.fontSize * o.width) / textWidth(text, o.fontSize)));
  const full = formatAmount(d, o.signed);
  const fullSize = sizeFor(full);
  if (fullSize >= o.minFontSize) return { text: full, fontSize: fullSize };
  const compact = formatCompact(d, o.signed);
  // Past the trillions even this may not fit: the text then ends in an ellipsis rather than leaving its box.
  return { text: compact, fontSize: Math.max(o.minFontSize, sizeFor(compact)) };
}

/** Amounts shown side by side, fitted each in `width` px and then drawn at one size: the smallest they need. */
export function fitAmounts(
  ds: (Decimal | null)[],
  o: { signed: boolean; fontSize: number; minFontSize: number; width: number },
): Fitted[] {
  const fontSize = Math.min(o.fontSize, ...ds.map((d) => fitAmount(d, o).fontSize));
  return ds.map((d) => fitAmount(d, { ...o, fontSize }));
}
