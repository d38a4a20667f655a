import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminTestbed } from "./test-support.ts";

describe("admin page: support tickets", () => {
  const t = adminTestbed();
  const { request, post } = t;
  let ticketId: string;
  let userId: string;
  beforeAll(async () => {
    await t.start();
    userId = (t.seeded.followers[0] as { userId: string }).userId;
    ticketId = (
      await t.db.supportTicket.create({
        data: {
          userId,
          transport: "telegram",
          reason: "low_confidence",
          question: "Why did my Bybit order fail with <script>?",
          answer: "Maybe the key.",
          confidence: 0.3,
          context: { accounts: [{ venue: "bybit", status: "active" }] },
          messages: {
            create: [
              {
                author: "follower",
                text: "Why did my Bybit order fail with <script>?",
                createdAt: new Date(Date.now() - 3600_000),
              },
            ],
          },
        },
      })
    ).id;
  });
  afterAll(t.stop);

  it("lists open tickets and shows one with its conversation, escaped", async () => {
    const list = await (await request("/admin/tickets")).text();
    expect(list).toContain(`/admin/tickets/${ticketId}`);
    expect(list).toContain("low confidence");
    const page = await (await request(`/admin/tickets/${ticketId}`)).text();
    expect(page).toContain("Why did my Bybit order fail with &lt;script&gt;?");
    expect(page).toMatch(/the bot(&#39;|')s confidence 0\.30/);
    expect(page).toContain(`action="/admin/tickets/${ticketId}/reply"`);
  });

  it("replies (queued for the follower, audited with the session) and closes", async () => {
    const res = await post(`/admin/tickets/${ticketId}/reply`, { text: "Your key lacks futures permission." });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/tickets/${ticketId}?done=replied`);
    const messages = await t.db.supportMessage.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" } });
    expect(messages.map((m) => m.author)).toEqual(["follower", "admin"]);
    const outbox = await t.db.notification.findMany({ where: { userId, kind: "support_reply" } });
    expect(outbox).toHaveLength(1);
    const audit = await t.db.auditLog.findMany({ where: { action: { startsWith: "support." } } });
    expect(audit.some((a) => a.actor.startsWith("admin:") && a.ip === "198.51.100.7")).toBe(true);
    // An empty reply is refused and changes nothing.
    expect((await post(`/admin/tickets/${ticketId}/reply`, { text: " " })).status).toBe(400);
    expect((await post(`/admin/tickets/${ticketId}/close`)).status).toBe(303);
    expect((await t.db.supportTicket.findUniqueOrThrow({ where: { id: ticketId } })).status).toBe("closed");
    const closed = await (await request("/admin/tickets?status=closed")).text();
    expect(closed).toContain(`/admin/tickets/${ticketId}`);
  });

  it("refuses a reply posted from another site", async () => {
    const res = await t.app.request(`/admin/tickets/${ticketId}/reply`, {
      method: "POST",
      body: "text=hi",
      headers: {
        cookie: t.cookie,
        origin: "https://evil.example",
        "content-type": "application/x-www-form-urlencoded",
      },
    });
    expect(res.status).toBe(403);
  });
});
