import type { DbClient } from "../core/platform/db-client.ts";

// Seeds for the community tests: users a chat reaches (so their notices are written), accounts and closed trades.

let seq = 0;

export async function seedFollower(
  db: DbClient,
  opts: { exchange?: string; referredById?: string; xp?: number; subscription?: "active" | "paused" } = {},
) {
  seq++;
  const user = await db.user.create({
    data: {
      telegramId: `${Date.now()}${seq}`,
      referredById: opts.referredById ?? null,
      xp: opts.xp ?? 0,
    },
  });
  const account = await db.exchangeAccount.create({ data: { userId: user.id, exchange: opts.exchange ?? "paper" } });
  const strategy = await db.strategy.create({
    data: { name: "s", slug: `s-${crypto.randomUUID().slice(0, 8)}`, passphraseHash: "x" },
  });
  const subscription = await db.subscription.create({
    data: {
      accountId: account.id,
      strategyId: strategy.id,
      sizingMode: "fixed",
      sizingValue: "1000",
      status: opts.subscription ?? "active",
    },
  });
  return { user, account, strategy, subscription };
}

/** A closed trade of 0.1 BTC long at 60000 ×5 (margin 1200) that realised `pnl` before `fees`. */
export async function seedClosedTrade(
  db: DbClient,
  f: Awaited<ReturnType<typeof seedFollower>>,
  opts: {
    pnl?: string;
    fees?: string;
    openedAt?: Date;
    closedAt?: Date;
    synced?: boolean;
    entryAmount?: string;
    leverage?: number | null;
  } = {},
) {
  const closedAt = opts.closedAt ?? new Date();
  return db.trade.create({
    data: {
      accountId: f.account.id,
      strategyId: f.strategy.id,
      subscriptionId: f.subscription.id,
      symbol: "BTC/USDT:USDT",
      side: "long",
      status: "closed",
      leverage: opts.leverage === undefined ? 5 : opts.leverage,
      requestedAmount: "0.1",
      entryAmount: opts.entryAmount ?? "0.1",
      entryPrice: opts.entryAmount === "0" ? null : "60000",
      exitAmount: opts.entryAmount ?? "0.1",
      realisedPnl: opts.pnl ?? "100",
      fees: opts.fees ?? "4",
      closeReason: "take_profit",
      openedAt: opts.openedAt ?? new Date(closedAt.getTime() - 3_600_000),
      closedAt,
      fillsSyncedAt: opts.synced === false ? null : closedAt,
    },
  });
}
