import { clientOrderIdFor, mainLegOf } from "../core/orders/client-order-id.ts";
import type { DbClient } from "../core/platform/db-client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

type SignalAction = "long" | "short" | "close";

/** A strategy and one signal on it, BTC/USDT perpetual unless `signal` says otherwise. */
export async function seedSignal(
  prisma: DbClient,
  opts: {
    action?: SignalAction;
    strategy?: Partial<Prisma.StrategyUncheckedCreateInput>;
    signal?: Partial<Prisma.SignalUncheckedCreateInput>;
  } = {},
) {
  const strategy = await prisma.strategy.create({
    data: { name: "s", slug: `s-${crypto.randomUUID().slice(0, 8)}`, passphraseHash: "x", ...opts.strategy },
  });
  const signal = await prisma.signal.create({
    data: {
      strategyId: strategy.id,
      dedupeKey: crypto.randomUUID(),
      bodyHash: "h",
      action: opts.action ?? "long",
      rawSymbol: "BTCUSDT",
      symbol: "BTC/USDT:USDT",
      // Executions exist once their signal is fanned out; a "received" one would hold later signals back.
      status: "dispatched",
      ...opts.signal,
    },
  });
  return { strategy, signal };
}

/** A follower of the signal's strategy (user, account, subscription) and its pending execution of the signal. */
export async function seedFollowerExecution(
  prisma: DbClient,
  signal: { id: string; strategyId: string; action: SignalAction },
  opts: {
    account?: Partial<Prisma.ExchangeAccountUncheckedCreateInput>;
    subscription?: Partial<Prisma.SubscriptionUncheckedCreateInput>;
    clientOrderId?: string;
  } = {},
) {
  const user = await prisma.user.create({ data: {} });
  const account = await prisma.exchangeAccount.create({
    data: { userId: user.id, exchange: "memory", ...opts.account },
  });
  const subscription = await prisma.subscription.create({
    data: {
      accountId: account.id,
      strategyId: signal.strategyId,
      sizingMode: "fixed",
      sizingValue: "1000",
      ...opts.subscription,
    },
  });
  const clientOrderId = opts.clientOrderId ?? clientOrderIdFor(signal.id, subscription.id, mainLegOf(signal.action));
  const execution = await prisma.execution.create({
    data: { signalId: signal.id, subscriptionId: subscription.id, accountId: account.id, clientOrderId },
  });
  return { account, subscription, execution, clientOrderId };
}

/** One signal and one follower's pending execution of it: the usual start of a copying test. */
export async function seedExecution(
  prisma: DbClient,
  opts: Parameters<typeof seedSignal>[1] & Parameters<typeof seedFollowerExecution>[2] = {},
) {
  const { strategy, signal } = await seedSignal(prisma, opts);
  const follower = await seedFollowerExecution(prisma, signal, opts);
  return { strategy, signal, ...follower, ids: { signalId: signal.id, subscriptionId: follower.subscription.id } };
}

/** A later signal of the same strategy and its pending execution for an existing subscription. */
export async function seedNextSignal(
  prisma: DbClient,
  follower: { subscription: { id: string; strategyId: string; accountId: string } },
  opts: { action: SignalAction; signal?: Partial<Prisma.SignalUncheckedCreateInput> },
) {
  const { subscription } = follower;
  const signal = await prisma.signal.create({
    data: {
      strategyId: subscription.strategyId,
      dedupeKey: crypto.randomUUID(),
      bodyHash: "h",
      action: opts.action,
      rawSymbol: "BTCUSDT",
      symbol: "BTC/USDT:USDT",
      // Executions exist once their signal is fanned out; a "received" one would hold later signals back.
      status: "dispatched",
      ...opts.signal,
    },
  });
  const clientOrderId = clientOrderIdFor(signal.id, subscription.id, mainLegOf(opts.action));
  const execution = await prisma.execution.create({
    data: { signalId: signal.id, subscriptionId: subscription.id, accountId: subscription.accountId, clientOrderId },
  });
  return { signal, execution, clientOrderId, ids: { signalId: signal.id, subscriptionId: subscription.id } };
}
