import type { Logger } from "pino";
import { z } from "zod";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { closedTradeView } from "./closed-trade-view.ts";
import type { NotificationMessage, Notifier } from "./notification-message.ts";

const payloads = {
  execution: z.object({ executionId: z.string() }),
  trade: z.object({ tradeId: z.string() }),
  signal: z.object({ signalId: z.string() }),
  daily: z.object({ date: z.string() }),
};

/**
 * Delivers one outbox row. Throws (so the queue retries) only when sending failed for a passing reason; a user
 * who blocked the bot is marked unreachable and everything still pending for them is dropped.
 */
export async function deliverNotification(
  input: { notificationId: string },
  deps: { db: DbClient; notifier: Notifier; clock: Clock; logger: Logger },
): Promise<"sent" | "dropped" | "skipped"> {
  const { db } = deps;
  const n = await db.notification.findUnique({
    where: { id: input.notificationId },
    include: { user: { select: { telegramId: true, telegramUnreachableAt: true } } },
  });
  if (n?.status !== "pending") return "skipped";
  const drop = async (error: string) => {
    await db.notification.update({ where: { id: n.id }, data: { status: "dropped", error } });
    return "dropped" as const;
  };
  if (!n.user.telegramId || n.user.telegramUnreachableAt) return drop("user is not reachable on Telegram");
  const message = await buildMessage(n.kind, n.payload, n.userId, deps);
  if (!message) return drop("what it was about no longer exists");

  const result = await deps.notifier.deliver({ telegramId: n.user.telegramId }, message);
  if (result === "unreachable") {
    await db.user.update({ where: { id: n.userId }, data: { telegramUnreachableAt: deps.clock.now() } });
    await db.notification.updateMany({
      where: { userId: n.userId, status: "pending" },
      data: { status: "dropped", error: "user blocked the bot" },
    });
    deps.logger.info({ userId: n.userId }, "telegram chat unreachable: notifications stopped");
    return "dropped";
  }
  await db.notification.update({ where: { id: n.id }, data: { status: "sent", sentAt: deps.clock.now() } });
  return "sent";
}

async function buildMessage(
  kind: string,
  payload: unknown,
  userId: string,
  deps: { db: DbClient; clock: Clock },
): Promise<NotificationMessage | null> {
  const { db } = deps;
  if (kind === "execution") {
    const { executionId } = payloads.execution.parse(payload);
    const e = await db.execution.findUnique({
      where: { id: executionId },
      include: {
        signal: { select: { symbol: true, action: true, strategy: { select: { name: true } } } },
        account: { select: { exchange: true, label: true } },
      },
    });
    if (!e || (e.status !== "filled" && e.status !== "failed" && e.status !== "skipped")) return null;
    const legs = await db.order.findMany({
      where: { executionId, kind: { in: ["close", "entry"] }, tradeId: { not: null } },
      select: { kind: true, trade: true },
    });
    const closed = legs.find((l) => l.kind === "close")?.trade;
    const opened = legs.find((l) => l.kind === "entry")?.trade;
    return {
      kind: "execution",
      status: e.status,
      strategy: e.signal.strategy.name,
      account: e.account.label ?? e.account.exchange,
      symbol: e.signal.symbol,
      action: e.signal.action,
      side: e.side,
      amount: e.filledAmount?.toString() ?? null,
      price: e.avgPrice?.toString() ?? null,
      errorCode: e.errorCode,
      reason: e.error,
      closedTrade: closed?.status === "closed" ? closedTradeView(closed) : null,
      unprotected: !!opened?.protectionError && opened.status !== "closed",
    };
  }
  if (kind === "trade") {
    const { tradeId } = payloads.trade.parse(payload);
    const t = await db.trade.findUnique({
      where: { id: tradeId },
      include: { strategy: { select: { name: true } }, account: { select: { exchange: true, label: true } } },
    });
    const reason = t?.closeReason;
    if (t?.status !== "closed") return null;
    if (reason !== "take_profit" && reason !== "stop_loss" && reason !== "liquidation" && reason !== "manual") {
      return null;
    }
    return {
      kind: "trade",
      reason,
      strategy: t.strategy.name,
      account: t.account.label ?? t.account.exchange,
      symbol: t.symbol,
      ...closedTradeView(t),
    };
  }
  if (kind === "signal") {
    const { signalId } = payloads.signal.parse(payload);
    const s = await db.signal.findUnique({
      where: { id: signalId },
      include: { strategy: { select: { name: true } } },
    });
    if (!s) return null;
    return {
      kind: "signal",
      strategy: s.strategy.name,
      symbol: s.symbol,
      action: s.action,
      price: s.price?.toString() ?? null,
    };
  }
  if (kind === "daily") {
    const { date } = payloads.daily.parse(payload);
    const since = new Date(deps.clock.now().getTime() - 86_400_000);
    const counts = await db.execution.groupBy({
      by: ["status"],
      where: { account: { userId }, updatedAt: { gte: since } },
      _count: { _all: true },
    });
    const count = (s: string) => counts.find((c) => c.status === s)?._count._all ?? 0;
    return { kind: "daily", date, filled: count("filled"), failed: count("failed"), skipped: count("skipped") };
  }
  return null;
}
