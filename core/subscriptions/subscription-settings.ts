import { z } from "zod";
import { dec } from "../platform/decimal.ts";

const NUMBER = /^\d+(\.\d+)?$/;

// One check, so that a non-number never reaches decimal.js (zod runs every check of a string, even after one failed).
const decimalIn = (example: string, max?: number) =>
  z
    .string()
    .trim()
    .refine((v) => NUMBER.test(v), { error: `must be a number such as ${example}` })
    .refine((v) => !NUMBER.test(v) || (dec(v).gt(0) && (max === undefined || dec(v).lte(max))), {
      error: max === undefined ? "must be above 0" : `must be above 0 and at most ${max}`,
    });

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

// What a follower may set on a subscription, validated the same way wherever it comes from (chat, API).
export const settingSchemas = {
  sizing: z.discriminatedUnion("mode", [
    z.object({ mode: z.literal("risk"), value: decimalIn("2", 100) }),
    z.object({ mode: z.literal("fixed"), value: decimalIn("250") }),
    z.object({ mode: z.literal("multiplier"), value: decimalIn("0.5", 100) }),
  ]),
  maxLeverage: wholeNumber(1, 125),
  tpPerc: decimalIn("2", 100),
  slPerc: decimalIn("1", 100),
  maxOpenPositions: wholeNumber(1, 100),
} as const;
