import type { Balance, Position } from "../exchange/exchange.ts";
import type { ExchangeResolver } from "../exchange/exchange-resolver.ts";
import type { DbClient } from "../platform/db-client.ts";
import { toAppError } from "../platform/errors.ts";

export interface AccountSnapshot {
  account: { id: string; exchange: string; label: string | null };
  balance?: Balance;
  positions?: Position[];
  /** Set when the exchange could not be read; the other accounts are still reported. */
  error?: { code: string; message: string };
}

/** Balance and open positions of each of the user's active accounts, read live and in parallel. */
export async function accountSnapshots(
  input: { userId: string; include: { balance?: boolean; positions?: boolean } },
  deps: { db: DbClient; exchanges: ExchangeResolver },
): Promise<AccountSnapshot[]> {
  const accounts = await deps.db.exchangeAccount.findMany({
    where: { userId: input.userId, status: "active" },
    orderBy: { createdAt: "asc" },
    select: { id: true, exchange: true, label: true, credentials: true },
  });
  return Promise.all(
    accounts.map(async (a): Promise<AccountSnapshot> => {
      const account = { id: a.id, exchange: a.exchange, label: a.label };
      try {
        const exchange = deps.exchanges.forAccount(a);
        const [balance, positions] = await Promise.all([
          input.include.balance ? exchange.fetchBalance() : undefined,
          input.include.positions ? exchange.fetchPositions() : undefined,
        ]);
        return { account, balance, positions };
      } catch (err) {
        const e = toAppError(err);
        return { account, error: { code: e.code, message: e.message } };
      }
    }),
  );
}
