import { z } from "zod";
import { dec } from "./decimal.ts";

// Money and percent columns are DECIMAL(36,18). Postgres refuses more than 18 digits before the point (a 500
// after the request was accepted) and rounds away more than 18 after it (a qty could become 0), so both are
// refused where the number comes in.
const MAX_DIGITS = 18;
const PLAIN = /^(\d+)(?:\.(\d+))?$/;
const EXPONENT = /^[+-]?(?:\d+\.?\d*|\.\d+)e[+-]?\d+$/i;

/**
 * A positive decimal as a client writes it, a JSON number or a string, kept as the trimmed string. Plain notation
 * only: a JSON number that JS already holds in exponent form (1e21, 1e-7) is refused, not silently converted.
 * `below`: the bound itself is refused too. Each value gets one message, the first problem found.
 */
export function positiveDecimal(opts: { example: string; max?: number; below?: boolean }) {
  return z
    .union([z.number(), z.string()], { error: `must be a number such as ${opts.example}` })
    .transform((raw, ctx) => {
      const text = String(raw).trim();
      const problem = decimalProblem(text, opts);
      if (problem === null) return text;
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    });
}

function decimalProblem(text: string, opts: { example: string; max?: number; below?: boolean }): string | null {
  const plain = PLAIN.exec(text);
  if (!plain) {
    return EXPONENT.test(text)
      ? `must be written without an exponent, such as ${opts.example}`
      : `must be a number such as ${opts.example}`;
  }
  const whole = (plain[1] ?? "").replace(/^0+/, "");
  const fraction = (plain[2] ?? "").replace(/0+$/, "");
  if (whole.length > MAX_DIGITS) return `must have at most ${MAX_DIGITS} digits before the decimal point`;
  if (fraction.length > MAX_DIGITS) return `must have at most ${MAX_DIGITS} digits after the decimal point`;
  const value = dec(text);
  const { max } = opts;
  if (max === undefined) return value.gt(0) ? null : "must be above 0";
  const within = value.gt(0) && (opts.below ? value.lt(max) : value.lte(max));
  return within ? null : `must be above 0 and ${opts.below ? "below" : "at most"} ${max}`;
}

/**
 * A whole number from `min` to `max`, as a JSON number or a string of digits (no sign, point, exponent or hex,
 * which Number() would otherwise accept). `error` replaces every message with one.
 */
export function wholeNumber(opts: { min: number; max: number; error?: string }) {
  const say = (message: string) => opts.error ?? message;
  return z.union([z.number(), z.string()], { error: say("must be a whole number") }).transform((raw, ctx) => {
    const text = String(raw).trim();
    const value = Number(text);
    const problem = !/^\d+$/.test(text)
      ? "must be a whole number"
      : value < opts.min
        ? `must be at least ${opts.min}`
        : value > opts.max
          ? `must be at most ${opts.max}`
          : undefined;
    if (problem === undefined) return value;
    ctx.addIssue({ code: "custom", message: say(problem) });
    return z.NEVER;
  });
}
