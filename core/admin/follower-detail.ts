import { referralStats } from "../billing/referrals/referral-stats.ts";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { dec } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";
import { accountOnline, chatReach } from "./online.ts";

const CLOSED_SHOWN = 20;
const EXECUTIONS_SHOWN = 30;

/** Everything the follower's page shows: accounts, subscriptions, trades, recent executions. Bounded reads. */
export async function followerDetail(input: { userId: string }, deps: { db: DbClient; clock: Clock }) {
  const { db } = deps;
  const now = deps.clock.now();
  const user = await db.user.findUnique({
    where: { id: input.userId },
    include: {
      plan: { select: { name: true } },
      accounts: {
        orderBy: { createdAt: "asc" },
        include: {
          subscriptions: {
            where: { status: { not: "ended" } },
            orderBy: { createdAt: "asc" },
            include: { strategy: { select: { id: true, name: true, slug: true, pausedAt: true } } },
          },
        },
      },
    },
  });
  if (!user) throw new AppError("NOT_FOUND", `user ${input.userId} does not exist`);
  const accountIds = user.accounts.map((a) => a.id);
  const tradeSelect = {
    id: true,
    accountId: true,
    symbol: true,
    side: true,
    status: true,
    openAmount: true,
    entryAmount: true,
    entryPrice: true,
    exitPrice: true,
    realisedPnl: true,
    fees: true,
    closeReason: true,
    protectionError: true,
    openedAt: true,
    closedAt: true,
    strategy: { select: { name: true } },
  } as const;
  const [open, closed, executions] = await Promise.all([
    db.trade.findMany({
      where: { accountId: { in: accountIds }, status: { in: ["opening", "open", "closing"] } },
      orderBy: { openedAt: "desc" },
      select: tradeSelect,
    }),
    db.trade.findMany({
      where: { accountId: { in: accountIds }, status: "closed" },
      orderBy: { closedAt: "desc" },
      take: CLOSED_SHOWN,
      select: tradeSelect,
    }),
    db.execution.findMany({
      where: { accountId: { in: accountIds } },
      orderBy: { createdAt: "desc" },
      take: EXECUTIONS_SHOWN,
      select: {
        id: true,
        signalId: true,
        status: true,
        side: true,
        filledAmount: true,
        avgPrice: true,
        error: true,
        errorCode: true,
        createdAt: true,
        signal: { select: { action: true, symbol: true, strategy: { select: { name: true } } } },
      },
    }),
  ]);
  const trade = (t: (typeof open)[number]) => ({
    ...t,
    strategy: t.strategy.name,
    netPnl: dec(t.realisedPnl).sub(dec(t.fees)).toFixed(2),
  });
  return {
    id: user.id,
    displayName: user.displayName,
    telegramId: user.telegramId,
    discordId: user.discordId,
    disabledAt: user.disabledAt,
    createdAt: user.createdAt,
    // Declared by the follower at onboarding (core/community/terms), and the terms version they accepted.
    country: user.country,
    countryDeclaredAt: user.countryDeclaredAt,
    termsVersion: user.termsVersion,
    termsAcceptedAt: user.termsAcceptedAt,
    // The plan the user holds (core/billing) and until when; a past end means it lapsed.
    plan: user.plan ? { name: user.plan.name, activeUntil: user.planActiveUntil } : null,
    // As an influencer (core/billing/referrals): their code, who brought them, and what their code brought.
    inviteCode: user.inviteCode,
    referredById: user.referredById,
    referrals: await referralStats({ userId: user.id, inviteCode: user.inviteCode }, deps),
    chats: {
      telegram: chatReach(user.telegramId, user.telegramUnreachableAt),
      discord: chatReach(user.discordId, user.discordUnreachableAt),
    },
    accounts: user.accounts.map((a) => ({
      id: a.id,
      exchange: a.exchange,
      label: a.label,
      status: a.status,
      online: a.status === "active" && accountOnline(a, now),
      lastContactAt: a.lastContactAt,
      lastContactError: a.lastContactError,
      // At the last reconciliation turn's marks; null: not measured yet.
      unrealisedPnl: a.unrealisedPnl === null ? null : a.unrealisedPnl.toFixed(2),
      haltedUntil: a.haltedUntil && a.haltedUntil > now ? a.haltedUntil : null,
    })),
    subscriptions: user.accounts.flatMap((a) =>
      a.subscriptions.map((s) => ({
        id: s.id,
        accountId: a.id,
        account: a.label ?? a.exchange,
        strategy: s.strategy,
        status: s.status,
        sizing: `${s.sizingMode}${s.sizingValue ? ` ${dec(s.sizingValue).toString()}` : ""}`,
        maxLeverage: s.maxLeverage,
        tpPercOverride: s.tpPercOverride?.toString() ?? null,
        slPercOverride: s.slPercOverride?.toString() ?? null,
        maxSlippagePerc: s.maxSlippagePerc?.toString() ?? null,
        maxOpenPositions: s.maxOpenPositions,
        trailingMode: s.trailingMode,
      })),
    ),
    openTrades: open.map(trade),
    closedTrades: closed.map(trade),
    executions: executions.map((e) => ({
      id: e.id,
      signalId: e.signalId,
      status: e.status,
      strategy: e.signal.strategy.name,
      action: e.signal.action,
      symbol: e.signal.symbol,
      filledAmount: e.filledAmount?.toString() ?? null,
      avgPrice: e.avgPrice?.toString() ?? null,
      error: e.error,
      errorCode: e.errorCode,
      createdAt: e.createdAt,
    })),
  };
}

export type FollowerDetail = Awaited<ReturnType<typeof followerDetail>>;
