import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { createRecordingQueue } from "../../../test/recording-queue.ts";
import { deliverNotification } from "../../notifications/deliver-notification.ts";
import type { NotificationMessage, Notifier, Recipient } from "../../notifications/notification-message.ts";
import { queueNotifications } from "../../notifications/queue-notifications.ts";
import { silentLogger } from "../../platform/logger.ts";
import { closeTicket } from "./close-ticket.ts";
import { getTicket } from "./get-ticket.ts";
import { listOwnTickets, listTickets } from "./list-tickets.ts";
import { openTicket } from "./open-ticket.ts";
import { replyAsAdmin } from "./reply-as-admin.ts";
import { replyAsFollower } from "./reply-as-follower.ts";
import { sendAdminMessage } from "./send-admin-message.ts";

function recordingNotifier(transport: "telegram" | "discord", outcome: "sent" | "unreachable" = "sent") {
  const sent: Array<{ to: Recipient; message: NotificationMessage }> = [];
  const notifier: Notifier = {
    transport,
    async deliver(to, message) {
      sent.push({ to, message });
      return outcome === "sent" ? { outcome: "sent", discordDmChannelId: to.discordDmChannelId ?? "dm1" } : { outcome };
    },
  };
  return { notifier, sent };
}

describe("support tickets", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  const db = () => testDb.db.prisma;
  const clock = { now: () => new Date() };
  const who = { actor: "admin:test", ip: null };
  const deps = () => ({ db: db(), clock, logger: silentLogger, who });
  const deliver = (id: string, notifier: Notifier) =>
    deliverNotification({ notificationId: id }, { db: db(), notifier, clock, logger: silentLogger });

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  const followerOnBoth = () =>
    db().user.create({
      data: {
        displayName: "Ana",
        telegramId: String(Math.floor(Math.random() * 1e9)),
        discordId: `${Date.now()}${Math.floor(Math.random() * 1e6)}`,
      },
    });

  it("an admin's reply reaches the follower in the chat they asked from, through the outbox, audited", async () => {
    const user = await followerOnBoth();
    // Their notifications go to Telegram, but they asked on Discord: the reply goes to Discord.
    const { ticketId } = await openTicket(
      { userId: user.id, transport: "discord", reason: "needs_human", question: "my balance is wrong" },
      deps(),
    );
    const { notificationId } = await replyAsAdmin({ ticketId, text: "We are looking at it." }, deps());
    const row = await db().notification.findUniqueOrThrow({ where: { id: notificationId } });
    expect(row).toMatchObject({ userId: user.id, kind: "support_reply", status: "pending" });
    expect(row.payload).toMatchObject({ ticketId, via: "discord" });

    const queue = createRecordingQueue();
    await queueNotifications({ db: db(), queue, clock });
    expect(queue.jobs.filter((j) => (j.data as { notificationId: string }).notificationId === notificationId)).toEqual([
      expect.objectContaining({ name: "notify-discord" }),
    ]);
    const telegram = recordingNotifier("telegram");
    expect(await deliver(notificationId, telegram.notifier)).toBe("skipped");
    const discord = recordingNotifier("discord");
    expect(await deliver(notificationId, discord.notifier)).toBe("sent");
    expect(discord.sent[0]?.message).toEqual({ kind: "support_reply", ticketId, text: "We are looking at it." });
    expect(discord.sent[0]?.to.discordId).toBe(user.discordId);

    const audit = await db().auditLog.findMany({ where: { action: "support.replied", userId: user.id } });
    expect(audit).toEqual([expect.objectContaining({ actor: "admin:test" })]);
  });

  it("the follower's answer lands in their open ticket, redacted; with none open there is nowhere to put it", async () => {
    const user = await followerOnBoth();
    expect(await replyAsFollower({ userId: user.id, text: "hello" }, deps())).toBeNull();
    const { ticketId } = await openTicket(
      { userId: user.id, transport: "telegram", reason: "asked_for_human", question: "help" },
      deps(),
    );
    const reply = await replyAsFollower({ userId: user.id, text: "my code is 123456, still broken" }, deps());
    expect(reply).toMatchObject({ ticketId, redacted: ["2fa code"] });
    const ticket = await getTicket({ ticketId }, deps());
    expect(ticket.messages.map((m) => [m.author, m.text])).toEqual([
      ["follower", "help"],
      ["follower", "my code is [redacted 2fa code], still broken"],
    ]);
    // Someone else cannot read or write it.
    const stranger = await followerOnBoth();
    await expect(getTicket({ ticketId, userId: stranger.id }, deps())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(replyAsFollower({ userId: stranger.id, text: "x", ticketId }, deps())).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await listOwnTickets({ userId: user.id }, deps())).map((t) => t.id)).toEqual([ticketId]);

    const closed = await closeTicket({ ticketId }, deps());
    expect(closed).toMatchObject({ status: "closed", alreadyClosed: false });
    expect(await closeTicket({ ticketId }, deps())).toMatchObject({ alreadyClosed: true });
    await expect(replyAsAdmin({ ticketId, text: "late" }, deps())).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await replyAsFollower({ userId: user.id, text: "thanks" }, deps())).toBeNull();
    expect(await listOwnTickets({ userId: user.id }, deps())).toEqual([]);
    const listed = await listTickets({ status: "closed" }, deps());
    expect(listed.tickets.map((t) => t.id)).toContain(ticketId);
    expect(await db().auditLog.count({ where: { action: "support.closed", userId: user.id } })).toBe(1);
  });

  it("a new ticket is posted to the admin chats; a refusal there does not touch the follower", async () => {
    const user = await followerOnBoth();
    const { ticketId } = await openTicket(
      {
        userId: user.id,
        transport: "telegram",
        reason: "low_confidence",
        question: "why?",
        answer: "maybe",
        confidence: 0.2,
      },
      { ...deps(), adminChats: { telegram: "-100777", discord: "998877665544" } },
    );
    const rows = await db().notification.findMany({ where: { kind: "support_ticket", userId: user.id } });
    const viaTelegram = rows.find((r) => (r.payload as { via: string }).via === "telegram");
    const viaDiscord = rows.find((r) => (r.payload as { via: string }).via === "discord");
    const tg = recordingNotifier("telegram");
    expect(await deliver(viaTelegram?.id ?? "", tg.notifier)).toBe("sent");
    expect(tg.sent[0]?.to.telegramId).toBe("-100777");
    expect(tg.sent[0]?.message).toMatchObject({ kind: "support_ticket", ticketId });
    expect(tg.sent[0]?.message).toMatchObject({ text: expect.stringContaining("confidence 0.20") });
    const dc = recordingNotifier("discord", "unreachable");
    expect(await deliver(viaDiscord?.id ?? "", dc.notifier)).toBe("dropped");
    expect(dc.sent[0]?.to.discordDmChannelId).toBe("998877665544");
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ discordUnreachableAt: null, discordDmChannelId: null });
  });

  it("an admin messages one follower, or every follower of a strategy once, recorded", async () => {
    const strategy = await db().strategy.create({
      data: { name: "BTC momentum", slug: `btc-${Date.now()}`, passphraseHash: "x" },
    });
    const followers = await Promise.all([followerOnBoth(), followerOnBoth(), followerOnBoth()]);
    const [a, b, c] = followers;
    if (!a || !b || !c) throw new Error("no followers");
    const subscribe = async (userId: string, status: "active" | "ended") => {
      const account = await db().exchangeAccount.create({ data: { userId, exchange: "paper" } });
      await db().subscription.create({
        data: { accountId: account.id, strategyId: strategy.id, sizingMode: "fixed", status },
      });
    };
    await subscribe(a.id, "active");
    await subscribe(a.id, "active");
    await subscribe(b.id, "active");
    await subscribe(c.id, "ended");
    const sent = await sendAdminMessage({ strategy: strategy.slug, text: "Maintenance at 02:00 UTC" }, deps());
    expect(sent.recipients).toBe(2);
    const rows = await db().notification.findMany({ where: { kind: "support_message" } });
    expect(rows.map((r) => r.userId).sort()).toEqual([a.id, b.id].sort());
    const tg = recordingNotifier("telegram");
    await deliver(rows[0]?.id ?? "", tg.notifier);
    expect(tg.sent[0]?.message).toEqual({
      kind: "support_message",
      text: "Maintenance at 02:00 UTC",
      strategy: "BTC momentum",
    });
    const one = await sendAdminMessage({ userId: c.id, text: "Hi Ana" }, deps());
    expect(one.recipients).toBe(1);
    await expect(sendAdminMessage({ strategy: "nope", text: "x" }, deps())).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const audit = await db().auditLog.findMany({ where: { action: { startsWith: "support." }, actor: "admin:test" } });
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(["support.broadcast_sent", "support.message_sent"]),
    );
  });
});
