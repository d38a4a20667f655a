import { Prisma } from "../../../generated/prisma/client.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { parsePayoutAddress } from "./payout-address.ts";
import { defaultReferralSettings, type ReferralSettings } from "./referral-settings.ts";

/**
 * Asks for the user's whole approved balance to be paid to a USDT address. The approved commissions not yet in
 * a payout are attached to the new one in the same transaction, under a lock on the user's row, so two requests
 * at once cannot both take them and a commission is never in two payouts.
 */
export async function requestPayout(
  input: { userId: string; address: string; network: string },
  deps: { db: DbClient; settings?: ReferralSettings },
): Promise<{ id: string; amountUsd: string; network: string; address: string; commissions: number }> {
  const settings = deps.settings ?? defaultReferralSettings;
  const { address, network } = parsePayoutAddress(input);
  return deps.db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "User" WHERE "id" = ${input.userId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", "no such user");
    const owed = await tx.commission.findMany({
      where: { referrerId: input.userId, status: "approved", payoutId: null },
      select: { id: true, amountUsd: true },
    });
    const total = owed.reduce((sum, c) => sum.add(c.amountUsd), new Prisma.Decimal(0));
    if (total.lt(settings.payoutMinUsd)) {
      throw new AppError("BAD_REQUEST", `the approved balance is below the ${settings.payoutMinUsd} USD minimum`, {
        details: { reason: "below_minimum", balanceUsd: total.toFixed(2), minimumUsd: settings.payoutMinUsd },
      });
    }
    const payout = await tx.payout.create({
      data: { userId: input.userId, amountUsd: total, address, network },
      select: { id: true },
    });
    const attached = await tx.commission.updateMany({
      where: { id: { in: owed.map((c) => c.id) }, status: "approved", payoutId: null },
      data: { payoutId: payout.id },
    });
    // Defence in depth: the lock makes this impossible, and the transaction undoes the payout if it happens.
    if (attached.count !== owed.length) throw new AppError("CONFLICT", "the balance changed; try again");
    return { id: payout.id, amountUsd: total.toFixed(2), network, address, commissions: owed.length };
  });
}
