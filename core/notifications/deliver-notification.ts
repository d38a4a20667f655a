import type { Logger } from "pino";
import { z } from "zod";
import { PLAN_REMINDER_KIND, planReminderMessage } from "../billing/plan-reminders.ts";
import { paymentMessage } from "../billing/plisio/payment-notice.ts";
import { communityMessage, isCommunityKind } from "../community/community-notifications.ts";
import { tournamentMessage, tournamentRoute } from "../community/tournaments/tournament-message.ts";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { processMetrics } from "../platform/metrics.ts";
import { isSupportKind, supportMessage, supportRoute } from "../support/support-notifications.ts";
import { closedTradeView } from "./closed-trade-view.ts";
import { guardrailMessage } from "./guardrail-message.ts";
import type { NotificationMessage, Notifier } from "./notification-message.ts";
import { recipientFields, recipientOf } from "./recipient.ts";
import { tradeEventMessage } from "./trade-event-message.ts";

const payloads = {
  execution: z.object({ executionId: z.string() }),
  trade: z.object({ tradeId: z.string() }),
  signal: z.object({ signalId: z.string() }),
  daily: z.object({ date: z.string() }),
};

/**
 * Delivers one outbox row on the notifier's transport. Throws (so the queue retries) only when sending failed
 * for a passing reason; a user who blocked the bot (or closed their DMs) is marked unreachable on that transport
 * and everything still pending for them there is dropped.
 */
export async function deliverNotification(
  input: { notificationId: string },
  deps: DeliverDeps,
): Promise<"sent" | "dropped" | "skipped"> {
  try {
    const outcome = await deliver(input, deps);
    processMetrics().notificationSent(deps.notifier.transport, outcome);
    return outcome;
  } catch (err) {
    processMetrics().notificationSent(deps.notifier.transport, "error");
    throw err;
  }
}

type DeliverDeps = { db: DbClient; notifier: Notifier; clock: Clock; logger: Logger };

async function deliver(input: { notificationId: string }, deps: DeliverDeps): Promise<"sent" | "dropped" | "skipped"> {
  const { db, notifier } = deps;
  const n = await db.notification.findUnique({
    where: { id: input.notificationId },
    include: { user: { select: recipientFields } },
  });
  if (n?.status !== "pending") return "skipped";
  const drop = async (error: string) => {
    await db.notification.update({ where: { id: n.id }, data: { status: "dropped", error } });
    return "dropped" as const;
  };
  // Support rows may go elsewhere: an admin's reply to the chat the follower asked from, a new ticket to an admin chat.
  const routed = supportRoute(n.kind, n.payload, n.userId, n.user) ?? tournamentRoute(n.kind, n.payload, n.userId);
  const to = routed ? routed.to : recipientOf(n.userId, n.user);
  // The user changed their choice (or connected the other app) since the row was queued: the next sweep
  // queues it again for the right transport.
  if (to?.transport !== notifier.transport) {
    if (!to) return drop("user is not reachable on any chat transport");
    return "skipped";
  }
  const message = await buildMessage(n.kind, n.payload, n.userId, deps);
  if (!message) return drop("what it was about no longer exists");

  const result = await notifier.deliver(to, message);
  if (result.outcome === "unreachable" && routed?.adminChat) return drop("the admin chat refused the message");
  if (result.outcome === "unreachable") {
    const field = to.transport === "telegram" ? "telegramUnreachableAt" : "discordUnreachableAt";
    await db.user.update({ where: { id: n.userId }, data: { [field]: deps.clock.now() } });
    await db.notification.updateMany({
      where: { userId: n.userId, status: "pending" },
      data: { status: "dropped", error: `user is unreachable on ${to.transport}` },
    });
    deps.logger.info({ userId: n.userId, transport: to.transport }, "chat unreachable: notifications stopped");
    return "dropped";
  }
  if (!routed?.adminChat && result.discordDmChannelId && result.discordDmChannelId !== to.discordDmChannelId) {
    await db.user.update({ where: { id: n.userId }, data: { discordDmChannelId: result.discordDmChannelId } });
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
      select: { kind: true, type: true, trade: true },
    });
    const closed = legs.find((l) => l.kind === "close")?.trade;
    const entry = legs.find((l) => l.kind === "entry");
    const opened = entry?.trade;
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
      cappedEntry: entry?.type === "limit",
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
  if (kind === PLAN_REMINDER_KIND) return planReminderMessage(payload);
  if (kind === "guardrail") return guardrailMessage(payload, userId, deps);
  if (isCommunityKind(kind)) return communityMessage(kind, payload, userId, deps);
  if (kind === "tournament") return tournamentMessage(payload, userId, deps);
  if (kind === "payment") return paymentMessage(payload, deps);
  if (isSupportKind(kind)) return supportMessage(kind, payload, deps);
  if (kind === "target" || kind === "stop_moved" || kind === "entry_filled")
    return tradeEventMessage(kind, payload, deps);
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
