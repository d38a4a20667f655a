import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { castVote } from "../../core/community/governance/cast-vote.ts";
import { proposeAsUser } from "../../core/community/governance/create-proposal.ts";
import { createTestDatabase } from "../../test/db.ts";
import { createHarness, type Harness } from "../../test/harness.ts";

const clock = { now: () => new Date() };
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe("admin governance API", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;
  let userId: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    h = createHarness({ db: testDb.db });
    userId = (await h.admin<{ id: string }>("POST", "/api/admin/users", { telegramId: "515151" })).id;
  });
  afterAll(async () => {
    await h?.close();
    await testDb?.drop();
  });

  it("needs the admin token", async () => {
    expect((await h.request("PATCH", `/api/admin/users/${userId}`, { elite: true }, { auth: false })).status).toBe(401);
    expect((await h.request("GET", "/api/admin/proposals", undefined, { auth: false })).status).toBe(401);
  });

  it("grants and revokes elite, audited once per change", async () => {
    expect(await h.admin("PATCH", `/api/admin/users/${userId}`, { elite: true })).toMatchObject({ elite: true });
    await h.admin("PATCH", `/api/admin/users/${userId}`, { elite: true });
    expect((await h.request("PATCH", `/api/admin/users/${userId}`, { elite: "yes" })).status).toBe(400);
    const audit = await testDb.db.prisma.auditLog.findMany({ where: { userId, action: { startsWith: "user.elite" } } });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([["user.elite_granted", "admin:api"]]);
  });

  it("creates a proposal open at once, validates it, and shows the tally; votes only on request", async () => {
    for (const bad of [
      { title: "Only one", options: ["a"], endsAt: inAnHour() },
      { title: "Seven", options: ["1", "2", "3", "4", "5", "6", "7"], endsAt: inAnHour() },
      { title: "Past", options: ["a", "b"], endsAt: "2020-01-01T00:00:00Z" },
    ]) {
      expect((await h.request("POST", "/api/admin/proposals", bad)).status).toBe(400);
    }
    const created = await h.request("POST", "/api/admin/proposals", {
      title: "Add an ETH strategy",
      description: "A second strategy",
      options: ["yes", "no"],
      endsAt: inAnHour(),
      quorum: 2,
    });
    expect(created.status).toBe(201);
    const { id, status } = (await created.json()) as { id: string; status: string };
    expect(status).toBe("open");
    await castVote({ proposalId: id, userId, option: 0 }, { db: testDb.db.prisma, clock });

    const plain = await h.admin<Record<string, unknown>>("GET", `/api/admin/proposals/${id}`);
    expect(plain).toMatchObject({
      status: "open",
      tally: {
        turnout: 1,
        quorum: 2,
        quorumMet: false,
        options: [
          { label: "yes", votes: 1 },
          { label: "no", votes: 0 },
        ],
      },
    });
    expect(plain.votes).toBeUndefined();
    const withVotes = await h.admin<{ votes: unknown[] }>("GET", `/api/admin/proposals/${id}?votes=1`);
    expect(withVotes.votes).toEqual([expect.objectContaining({ userId, option: 0 })]);
    expect((await h.request("GET", "/api/admin/proposals/not-a-uuid")).status).toBe(400);
  });

  it("approves or rejects an elite user's proposal, once", async () => {
    const deps = { db: testDb.db.prisma, clock };
    const input = {
      title: "Lower fees",
      description: "",
      options: ["yes", "no"],
      endsAt: new Date(Date.now() + 86_400_000),
    };
    const a = await proposeAsUser({ ...input, userId }, deps);
    const b = await proposeAsUser({ ...input, userId }, deps);
    const pending = await h.admin<{ proposals: Array<{ id: string }> }>(
      "GET",
      "/api/admin/proposals?status=pending_approval",
    );
    expect(pending.proposals.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(await h.admin("POST", `/api/admin/proposals/${a.id}/approve`)).toMatchObject({ status: "open" });
    expect(await h.admin("POST", `/api/admin/proposals/${b.id}/reject`)).toMatchObject({ status: "rejected" });
    expect((await h.request("POST", `/api/admin/proposals/${a.id}/reject`)).status).toBe(409);
    const audit = await testDb.db.prisma.auditLog.findMany({
      where: { action: { in: ["proposal.approved", "proposal.rejected"] } },
    });
    expect(audit).toHaveLength(2);
  });

  it("names a Telegram group as a community channel, once, and removes it", async () => {
    const first = await h.request("POST", "/api/admin/community-channels", { transport: "telegram", chatId: -1001234 });
    expect(first.status).toBe(201);
    const again = await h.request("POST", "/api/admin/community-channels", {
      transport: "telegram",
      chatId: "-1001234",
    });
    expect(again.status).toBe(200);
    expect((await h.request("POST", "/api/admin/community-channels", { transport: "sms", chatId: "1" })).status).toBe(
      400,
    );
    const { channels } = await h.admin<{ channels: Array<{ id: string; chatId: string }> }>(
      "GET",
      "/api/admin/community-channels",
    );
    expect(channels.map((c) => c.chatId)).toEqual(["-1001234"]);
    const id = channels[0]?.id ?? "";
    expect((await h.request("DELETE", `/api/admin/community-channels/${id}`)).status).toBe(204);
    expect((await h.request("DELETE", `/api/admin/community-channels/${id}`)).status).toBe(404);
  });
});
