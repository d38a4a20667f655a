import { z } from "zod";

const positiveDecimal = z
  .union([z.number(), z.string().trim()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^\d+(\.\d+)?([eE][-+]?\d+)?$/, { error: "must be a positive number" }))
  .refine((v) => Number(v) > 0, { error: "must be greater than 0" });

const percent = positiveDecimal.refine((v) => Number(v) <= 100, { error: "must be at most 100" });

/** The TradingView alert body our users already send, plus optional `id`, `price` and `qty`. */
export const signalBodySchema = z.object({
  passphrase: z.string({ error: "is required" }).min(1, { error: "is required" }),
  symbol: z.string({ error: "is required" }).min(1, { error: "is required" }).max(64),
  action: z
    .string({ error: "is required" })
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.enum(["long", "short", "close"], { error: 'must be "long", "short" or "close"' })),
  risk_perc: percent.optional(),
  leverage: z.coerce
    .number({ error: "must be a whole number from 1 to 125" })
    .int({ error: "must be a whole number from 1 to 125" })
    .min(1, { error: "must be a whole number from 1 to 125" })
    .max(125, { error: "must be a whole number from 1 to 125" })
    .optional(),
  tp_perc: positiveDecimal.optional(),
  sl_perc: percent.optional(),
  id: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1).max(128))
    .optional(),
  price: positiveDecimal.optional(),
  qty: positiveDecimal.optional(),
});

export type SignalBody = z.infer<typeof signalBodySchema>;
