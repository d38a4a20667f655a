import { z } from "zod";
import { slippagePercSchema } from "../copying/slippage-cap.ts";
import { dec } from "../platform/decimal.ts";
import { positiveDecimal, wholeNumber } from "../platform/number-input.ts";
import { dcaInput, entriesInput, entryExpiryInput, entryProblems } from "./entry-plan.ts";
import { readProviderTime } from "./provider-time.ts";
import { takeProfitsInput, targetProblems, trailingInput } from "./trade-plan.ts";

/** The TradingView alert body our users already send, plus optional `id`, `price`, `qty` and `max_slippage_perc`. */
export const signalBodySchema = z
  .object({
    passphrase: z.string({ error: "is required" }).min(1, { error: "is required" }),
    symbol: z.string({ error: "is required" }).min(1, { error: "is required" }).max(64),
    action: z
      .string({ error: "is required" })
      .transform((v) => v.trim().toLowerCase())
      .pipe(z.enum(["long", "short", "close"], { error: 'must be "long", "short" or "close"' })),
    risk_perc: positiveDecimal({ example: "2", max: 100 }).optional(),
    leverage: wholeNumber({ min: 1, max: 125, error: "must be a whole number from 1 to 125" }).optional(),
    // Either may exceed 100 on the side where the trigger moves away from zero (checked below).
    tp_perc: positiveDecimal({ example: "2" }).optional(),
    sl_perc: positiveDecimal({ example: "1" }).optional(),
    id: z
      .union([z.string(), z.number()])
      .transform((v) => String(v).trim())
      .pipe(z.string().min(1).max(128))
      .optional(),
    price: positiveDecimal({ example: "64000.5" }).optional(),
    qty: positiveDecimal({ example: "0.01" }).optional(),
    // The entry's slippage cap, in percent of `price` (or of the live price without it).
    max_slippage_perc: slippagePercSchema.optional(),
    // Several targets instead of tp_perc, and how the stop moves (core/signals/trade-plan.ts).
    take_profits: takeProfitsInput.optional(),
    trailing: trailingInput.optional(),
    // Absolute levels instead of the percents (a Cornix-style plan gives prices), and when the sender made it.
    tp_price: positiveDecimal({ example: "68000" }).optional(),
    sl_price: positiveDecimal({ example: "62000" }).optional(),
    timestamp: z
      .union([z.number(), z.string()])
      .transform((raw, ctx) => {
        const at = readProviderTime(raw);
        if (at) return at;
        ctx.addIssue({ code: "custom", message: "must be an ISO time such as 2026-12-06T21:52:51Z or epoch seconds" });
        return z.NEVER;
      })
      .optional(),
    // An entry zone of limit orders, how long it waits, and DCA safety orders (core/signals/entry-plan.ts).
    entries: entriesInput.optional(),
    entry_expiry_sec: entryExpiryInput.optional(),
    dca: dcaInput.optional(),
  })
  .superRefine((body, ctx) => {
    const single = { field: "tp_perc", value: body.tp_perc };
    const side = body.action === "short" ? "short" : "long";
    for (const problem of targetProblems(side, body.take_profits, {
      single,
      entry: { field: "price", value: body.price },
    })) {
      ctx.addIssue({ code: "custom", ...problem });
    }
    if (body.tp_price !== undefined && body.tp_perc !== undefined) {
      ctx.addIssue({ code: "custom", path: ["tp_price"], message: "give either tp_price or tp_perc, not both" });
    }
    if (body.tp_price !== undefined && body.take_profits !== undefined) {
      ctx.addIssue({ code: "custom", path: ["tp_price"], message: "give either tp_price or take_profits, not both" });
    }
    if (body.sl_price !== undefined && body.sl_perc !== undefined) {
      ctx.addIssue({ code: "custom", path: ["sl_price"], message: "give either sl_price or sl_perc, not both" });
    }
    const levels = { ...body, slPrice: body.sl_price, tpPrice: body.tp_price };
    for (const problem of entryProblems(side, levels, { sl: "sl_price", tp: "tp_price" })) {
      ctx.addIssue({ code: "custom", ...problem });
    }
    if (body.entry_expiry_sec !== undefined && !body.entries) {
      ctx.addIssue({ code: "custom", path: ["entry_expiry_sec"], message: "applies only with entries" });
    }
    const long = body.action === "long";
    const [ref, sl, tp] = [body.price, body.sl_price, body.tp_price];
    if (ref && sl && (long ? dec(sl).gte(ref) : dec(sl).lte(ref)) && body.action !== "close") {
      ctx.addIssue({ code: "custom", path: ["sl_price"], message: `must be ${long ? "below" : "above"} price` });
    }
    if (ref && tp && (long ? dec(tp).lte(ref) : dec(tp).gte(ref)) && body.action !== "close") {
      ctx.addIssue({ code: "custom", path: ["tp_price"], message: `must be ${long ? "above" : "below"} price` });
    }
    // A short's take-profit and a long's stop-loss sit below the entry: at 100% or more their trigger would be
    // at zero or below, which no exchange accepts, and every follower's position would open without it.
    const atOrBelowZero = (perc: string | undefined) => perc !== undefined && dec(perc).gte(100);
    if (body.action === "short" && atOrBelowZero(body.tp_perc)) {
      ctx.addIssue({
        code: "custom",
        path: ["tp_perc"],
        message: "must be below 100 on a short: its take-profit would trigger at a price of zero or less",
      });
    }
    if (body.action === "long" && atOrBelowZero(body.sl_perc)) {
      ctx.addIssue({
        code: "custom",
        path: ["sl_perc"],
        message: "must be below 100 on a long: its stop-loss would trigger at a price of zero or less",
      });
    }
  });

export type SignalBody = z.infer<typeof signalBodySchema>;
