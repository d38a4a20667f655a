import { z } from "zod";
import type { PaymentStatus } from "../../../generated/prisma/client.ts";

const text = z.union([z.string(), z.number()]).transform(String);

/** The fields of Plisio's callback that Mimic reads; the rest is kept as received, in the event's payload. */
export const plisioCallbackSchema = z.object({
  order_number: text.pipe(z.string().min(1).max(100)),
  status: z.string().min(1).max(40),
  source_currency: z.string().optional(),
  source_amount: text.optional(),
  txn_id: z.string().max(100).optional(),
  // What arrived in the crypto currency: shown to the follower, never used to decide anything.
  amount: text.optional(),
  currency: z.string().max(20).optional(),
});

export type PlisioCallback = z.infer<typeof plisioCallbackSchema>;

/**
 * Plisio's statuses as ours. "pending internal" (confirming between Plisio's own wallets) is pending; "error"
 * and "cancelled duplicate" (the invoice was replaced by one in another currency, under the same order) change
 * nothing here: the replacement reports on its own.
 */
export function paymentStatusOf(status: string): PaymentStatus | null {
  switch (status) {
    case "new":
    case "pending":
    case "completed":
    case "mismatch":
    case "expired":
    case "cancelled":
      return status;
    case "pending internal":
      return "pending";
    default:
      return null;
  }
}
