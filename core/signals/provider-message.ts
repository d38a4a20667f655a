import { z } from "zod";
import { MAX_SLIPPAGE_PERC } from "../copying/slippage-cap.ts";
import { dec } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";
import { positiveDecimal } from "../platform/number-input.ts";
import { dcaInput, entriesInput, entryExpiryInput, entryProblems } from "./entry-plan.ts";
import { normalizeSymbol } from "./normalize-symbol.ts";
import { readProviderTime } from "./provider-time.ts";
import type { SignalInput } from "./signal-input.ts";
import { takeProfitsInput, targetProblems, trailingInput } from "./trade-plan.ts";

const required = (kind: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : `must be ${kind}`),
});

/** A positive decimal, as a JSON number or a numeric string; null or absent is "not given". */
function positive(example: string, max?: number) {
  return z
    .union([z.number(), z.string()], { error: `must be a positive number such as ${example}` })
    .transform((raw, ctx) => {
      const parsed = positiveDecimal({ example, max }).safeParse(raw);
      if (parsed.success) return parsed.data;
      const message = parsed.error.issues[0]?.message ?? "";
      // Digit limits and a maximum keep their own words; "not a number" and "zero" both read as "must be positive".
      ctx.addIssue({
        code: "custom",
        message: /^must be (a number|above 0$)/.test(message)
          ? `must be a positive number such as ${example}`
          : message,
      });
      return z.NEVER;
    })
    .nullish();
}

const word = <const T extends readonly [string, ...string[]]>(values: T, error: string) =>
  z
    .string(required(values.join(" or ")))
    .transform((v) => v.trim().toUpperCase())
    .pipe(z.enum(values, { error }));

/**
 * The JSON our trade-copier users already post in their channels:
 * `{"signal_id","timestamp","action":"OPEN"|"CLOSE","symbol","side":"BUY"|"SELL","quantity","entry_price",
 * "stop_loss","take_profit"}`, plus an optional "max_slippage_perc" (the entry's slippage cap, in percent of
 * entry_price). Numbers may be strings; words any case; unknown fields are ignored.
 */
export const providerMessageSchema = z
  .object({
    signal_id: z
      .union([z.string(), z.number()], required("a string or a number"))
      .transform((v) => String(v).trim())
      .pipe(z.string().min(1, { error: "is required" }).max(128, { error: "must be at most 128 characters" })),
    timestamp: z
      .union([z.number(), z.string()])
      .transform((raw, ctx) => {
        const at = readProviderTime(raw);
        if (at) return at;
        ctx.addIssue({ code: "custom", message: "must be an ISO time such as 2026-12-06T21:52:51Z or epoch seconds" });
        return z.NEVER;
      })
      .nullish(),
    action: word(["OPEN", "CLOSE"], "must be OPEN or CLOSE"),
    symbol: z
      .string(required("a string such as BTCUSDT"))
      .trim()
      .min(1, { error: "is required" })
      .max(64, { error: "must be at most 64 characters" })
      .refine(isFuturesPair, { error: (issue) => `cannot read "${issue.input}" as a futures pair such as BTCUSDT` }),
    side: word(["BUY", "SELL"], "must be BUY or SELL").nullish(),
    quantity: positive("0.01"),
    entry_price: positive("62000"),
    stop_loss: positive("61000"),
    take_profit: positive("64000"),
    max_slippage_perc: positive("0.5", MAX_SLIPPAGE_PERC),
    // Several targets instead of take_profit, and how the stop moves: the webhook's shapes.
    take_profits: takeProfitsInput.nullish(),
    trailing: trailingInput.nullish(),
    entries: entriesInput.nullish(),
    entry_expiry_sec: entryExpiryInput.nullish(),
    dca: dcaInput.nullish(),
  })
  .superRefine((m, ctx) => {
    if (m.action !== "OPEN") return;
    const other = {
      single: { field: "take_profit", value: m.take_profit },
      entry: { field: "entry_price", value: m.entry_price },
    };
    const side = m.side === "SELL" ? "short" : "long";
    for (const problem of targetProblems(side, m.take_profits, other)) {
      ctx.addIssue({ code: "custom", ...problem });
    }
    const levels = { ...m, slPrice: m.stop_loss, tpPrice: m.take_profit };
    for (const problem of entryProblems(side, levels, { sl: "stop_loss", tp: "take_profit" })) {
      ctx.addIssue({ code: "custom", ...problem });
    }
    if (!m.side) {
      ctx.addIssue({ code: "custom", path: ["side"], message: "is required for OPEN: BUY or SELL" });
      return;
    }
    for (const problem of levelProblems(m.side, m)) ctx.addIssue({ code: "custom", ...problem });
  });

export type ProviderMessage = z.infer<typeof providerMessageSchema>;

/**
 * Reads a provider's channel message as a signal. The content may be wrapped in a ```json code fence. A message
 * that is not such a signal is a BAD_REQUEST whose message says what is wrong, in words for a reply:
 * "not JSON: …", "action: must be OPEN or CLOSE", "stop_loss: must be a positive number such as 61000".
 */
export function parseProviderMessage(content: string): SignalInput {
  let json: unknown;
  try {
    json = JSON.parse(unfence(content));
  } catch (err) {
    throw refuse(`not JSON: ${err instanceof Error ? err.message : String(err)}`.slice(0, 300));
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw refuse('not a signal: must be a JSON object such as {"signal_id": "…", "action": "OPEN", …}');
  }
  const parsed = providerMessageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(`${issue?.path.join(".") || "message"}: ${issue?.message ?? "is invalid"}`, parsed.error.issues);
  }
  return toSignalInput(parsed.data);
}

export function toSignalInput(m: ProviderMessage): SignalInput {
  const open = m.action === "OPEN";
  return {
    id: m.signal_id,
    action: open ? (m.side === "SELL" ? "short" : "long") : "close",
    rawSymbol: m.symbol,
    price: m.entry_price ?? undefined,
    qty: m.quantity ?? undefined,
    // A close has no levels of its own.
    tpPrice: open ? (m.take_profit ?? undefined) : undefined,
    slPrice: open ? (m.stop_loss ?? undefined) : undefined,
    maxSlippagePerc: open ? (m.max_slippage_perc ?? undefined) : undefined,
    takeProfits: open ? (m.take_profits ?? undefined) : undefined,
    trailing: open ? (m.trailing ?? undefined) : undefined,
    entries: open ? (m.entries ?? undefined) : undefined,
    entryExpirySec: open ? (m.entry_expiry_sec ?? undefined) : undefined,
    dca: open ? (m.dca ?? undefined) : undefined,
    sentAt: m.timestamp ?? undefined,
  };
}

/** A long's stop-loss sits below its entry and take-profit above; a short's the other way round. */
function levelProblems(
  side: "BUY" | "SELL",
  m: { entry_price?: string | null; stop_loss?: string | null; take_profit?: string | null },
): { path: string[]; message: string }[] {
  const buy = side === "BUY";
  const [slSide, tpSide] = buy ? ["below", "above"] : ["above", "below"];
  const slFits = (sl: string, than: string) => (buy ? dec(sl).lt(than) : dec(sl).gt(than));
  const tpFits = (tp: string, than: string) => (buy ? dec(tp).gt(than) : dec(tp).lt(than));
  const { entry_price: entry, stop_loss: sl, take_profit: tp } = m;
  const problems: { path: string[]; message: string }[] = [];
  if (entry && sl && !slFits(sl, entry)) {
    problems.push({ path: ["stop_loss"], message: `must be ${slSide} entry_price on a ${side}` });
  }
  if (entry && tp && !tpFits(tp, entry)) {
    problems.push({ path: ["take_profit"], message: `must be ${tpSide} entry_price on a ${side}` });
  }
  if (!problems.length && sl && tp && !slFits(sl, tp)) {
    problems.push({ path: ["stop_loss"], message: `must be ${slSide} take_profit on a ${side}` });
  }
  return problems;
}

function unfence(content: string): string {
  const text = content.trim();
  const fenced = /^```[a-zA-Z]*\s*\n?([\s\S]*?)\n?\s*```$/.exec(text);
  return fenced?.[1] ?? text;
}

function isFuturesPair(symbol: string): boolean {
  try {
    normalizeSymbol(symbol);
    return true;
  } catch {
    return false;
  }
}

function refuse(message: string, issues?: unknown): AppError {
  return new AppError("BAD_REQUEST", message, { details: issues ? { issues } : undefined });
}
