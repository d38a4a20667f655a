import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../core/platform/logger.ts";
import { openTicket } from "../../core/support/tickets/open-ticket.ts";
import { createTestDatabase } from "../../test/db.ts";
import { createHarness, type Harness } from "../../test/harness.ts";

describe("admin support API: tickets and messages", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;
  let userId: string;
  let ticketId: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    h = createHarness({ db: testDb.db });
    userId = (await h.admin<{ id: string }>("POST", "/api/admin/users", { telegramId: "424242" })).id;
    ticketId = (
      await openTicket(
        {
          userId,
          transport: "telegram",
          reason: "low_confidence",
          question: "why was my order skipped?",
          answer: "no idea",
          confidence: 0.1,
        },
        { db: testDb.db.prisma, clock: { now: () => new Date() }, logger: silentLogger },
      )
    ).ticketId;
  });
  afterAll(async () => {
    await h?.close();
    await testDb?.drop();
  });

  it("needs the admin token", async () => {
    expect((await h.request("GET", "/api/admin/tickets", undefined, { auth: false })).status).toBe(401);
    expect((await h.request("POST", "/api/admin/messages", { userId, text: "x" }, { auth: false })).status).toBe(401);
  });

  it("lists open tickets, shows one with its messages, takes a reply into the outbox and closes it", async () => {
    const open = await h.admin<{ tickets: Array<{ id: string; status: string }>; hasNext: boolean }>(
      "GET",
      "/api/admin/tickets?status=open",
    );
    expect(open.tickets).toEqual([expect.objectContaining({ id: ticketId, status: "open", reason: "low_confidence" })]);
    expect(open.hasNext).toBe(false);

    const reply = await h.request("POST", `/api/admin/tickets/${ticketId}/replies`, {
      text: "Your margin was too low.",
    });
    expect(reply.status).toBe(201);
    const outbox = await testDb.db.prisma.notification.findMany({ where: { userId, kind: "support_reply" } });
    expect(outbox).toHaveLength(1);

    const one = await h.admin<{ messages: Array<{ author: string; text: string }>; context: unknown }>(
      "GET",
      `/api/admin/tickets/${ticketId}`,
    );
    expect(one.messages.map((m) => m.author)).toEqual(["follower", "bot", "admin"]);

    expect(await h.admin("POST", `/api/admin/tickets/${ticketId}/close`)).toMatchObject({ status: "closed" });
    expect((await h.admin<{ tickets: unknown[] }>("GET", "/api/admin/tickets?status=open")).tickets).toEqual([]);
    const closed = await h.admin<{ tickets: Array<{ id: string }> }>("GET", "/api/admin/tickets?status=closed");
    expect(closed.tickets.map((t) => t.id)).toEqual([ticketId]);
    const late = await h.request("POST", `/api/admin/tickets/${ticketId}/replies`, { text: "again" });
    expect(late.status).toBe(409);
    const actions = await testDb.db.prisma.auditLog.findMany({ where: { actor: "admin:api", userId } });
    expect(actions.map((a) => a.action).sort()).toEqual(["support.closed", "support.replied"]);
  });

  it("sends a message to one follower or a strategy's followers, refusing what is malformed", async () => {
    const res = await h.request("POST", "/api/admin/messages", { userId, text: "Hello from the team" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ recipients: 1 });
    const strategy = await h.admin<{ slug: string }>("POST", "/api/admin/strategies", { name: "Broadcasts" });
    expect(await h.admin("POST", "/api/admin/messages", { strategy: strategy.slug, text: "hi all" })).toMatchObject({
      recipients: 0,
    });
    const bad = [
      { text: "to nobody" },
      { userId, text: "" },
      { userId, strategy: strategy.slug, text: "both" },
      { userId: "not-an-id", text: "x" },
    ];
    for (const body of bad) expect((await h.request("POST", "/api/admin/messages", body)).status).toBe(400);
    expect((await h.request("POST", "/api/admin/messages", { strategy: "nope", text: "x" })).status).toBe(404);
    expect((await h.request("GET", "/api/admin/tickets?status=pending")).status).toBe(400);
    expect((await h.request("GET", "/api/admin/tickets/not-an-id")).status).toBe(400);
    expect((await h.request("GET", `/api/admin/tickets/${crypto.randomUUID()}`)).status).toBe(404);
  });
});
