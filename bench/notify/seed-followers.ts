import type { DbClient } from "../../core/platform/db-client.ts";

/**
 * N followers of one strategy, each with a paper account, a subscription and a filled execution of the same
 * signal: what the notification outbox turns into N "execution" messages. Discord followers have used the bot
 * before, so their DM channel is known (as it is in steady state: the bot keeps it after the first message).
 */
export async function seedNotifiedFollowers(
  db: DbClient,
  input: { followers: number; transport: "telegram" | "discord" },
): Promise<void> {
  const strategy = await db.strategy.create({
    data: { name: "Bench notify", slug: "bench-notify", passphraseHash: "x" },
  });
  const signal = await db.signal.create({
    data: {
      strategyId: strategy.id,
      dedupeKey: "bench",
      bodyHash: "h",
      action: "long",
      rawSymbol: "BTCUSDT",
      symbol: "BTC/USDT:USDT",
      status: "dispatched",
    },
  });
  const n = input.followers;
  const discord = input.transport === "discord";
  // One statement per table: seeding 10,000 followers one by one would take longer than the run.
  await db.$executeRaw`
    INSERT INTO "User" ("id", "telegramId", "discordId", "discordDmChannelId")
    SELECT 'bench-user-' || i,
      CASE WHEN ${discord} THEN NULL ELSE (700000000 + i)::text END,
      CASE WHEN ${discord} THEN (800000000000000000::bigint + i)::text END,
      CASE WHEN ${discord} THEN (810000000000000000::bigint + i)::text END
    FROM generate_series(1, ${n}::int) i`;
  await db.$executeRaw`
    INSERT INTO "ExchangeAccount" ("id", "userId", "exchange")
    SELECT 'bench-account-' || i, 'bench-user-' || i, 'paper' FROM generate_series(1, ${n}::int) i`;
  await db.$executeRaw`
    INSERT INTO "Subscription" ("id", "accountId", "strategyId", "sizingMode", "sizingValue")
    SELECT 'bench-sub-' || i, 'bench-account-' || i, ${strategy.id}, 'fixed', 100
    FROM generate_series(1, ${n}::int) i`;
  await db.$executeRaw`
    INSERT INTO "Execution" ("id", "signalId", "subscriptionId", "accountId", "clientOrderId", "status", "side",
      "filledAmount", "avgPrice", "updatedAt")
    SELECT gen_random_uuid()::text, ${signal.id}, 'bench-sub-' || i, 'bench-account-' || i, 'bench-' || i,
      'filled', 'buy', 0.01, 65000, now()
    FROM generate_series(1, ${n}::int) i`;
}
