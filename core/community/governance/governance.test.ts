import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { ensureChatUser } from "../../accounts/ensure-chat-user.ts";
import { isAppError } from "../../platform/errors.ts";
import { claimAnnouncement, pendingAnnouncements, recordAnnouncement } from "./announcements.ts";
import { castVote } from "./cast-vote.ts";
import { createProposalAsAdmin, proposeAsUser, reviewProposal } from "./create-proposal.ts";
import { endDueProposals } from "./end-proposals.ts";
import { getProposal } from "./get-proposal.ts";
import { claimResult, pendingResults, recordResult } from "./results.ts";
import { countVotes } from "./tally.ts";

const who = { actor: "admin:test", ip: null };
let now = new Date("2026-12-01T12:00:00Z");
const clock = { now: () => now };

async function reason(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => new Error("accepted"),
    (e: unknown) => e,
  );
  if (!isAppError(err)) throw err;
  return String(err.details?.reason ?? err.code);
}

describe("governance", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  const deps = () => ({ db: testDb.db.prisma, clock, who });
  let seq = 0;
  const user = (data: { elite?: boolean; level?: number; telegramId?: string; discordId?: string }) =>
    testDb.db.prisma.user.create({ data: { displayName: `u${++seq}`, ...data } });
  const proposal = (quorum?: number) =>
    createProposalAsAdmin(
      {
        title: "Add ETH strategy",
        description: "",
        options: ["yes", "no", "later"],
        endsAt: new Date(now.getTime() + 3_600_000),
        quorum,
      },
      deps(),
    );

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => testDb?.drop());

  it("one user linked to Telegram and Discord has one vote, changed from either identity", async () => {
    await user({ elite: true, telegramId: "7001", discordId: "800000000000000001" });
    const viaTelegram = await ensureChatUser({ transport: "telegram", externalId: "7001" }, deps());
    const viaDiscord = await ensureChatUser({ transport: "discord", externalId: "800000000000000001" }, deps());
    expect(viaDiscord.id).toBe(viaTelegram.id);
    const p = await proposal();
    expect((await castVote({ proposalId: p.id, userId: viaTelegram.id, option: 0 }, deps())).outcome).toBe("recorded");
    expect((await castVote({ proposalId: p.id, userId: viaDiscord.id, option: 1 }, deps())).outcome).toBe("changed");
    const detail = await getProposal({ proposalId: p.id, withVotes: true }, deps());
    expect(detail.tally.turnout).toBe(1);
    expect(detail.tally.options.map((o) => o.votes)).toEqual([0, 1, 0]);
    expect(detail.votes).toEqual([expect.objectContaining({ userId: viaTelegram.id, option: 1 })]);
    const audit = await testDb.db.prisma.auditLog.findMany({
      where: { userId: viaTelegram.id },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["vote.cast", "vote.changed"]);
  });

  it("the same option twice changes nothing and writes no audit row", async () => {
    const u = await user({ level: 4 });
    const p = await proposal();
    await castVote({ proposalId: p.id, userId: u.id, option: 2 }, deps());
    expect((await castVote({ proposalId: p.id, userId: u.id, option: 2 }, deps())).outcome).toBe("unchanged");
    expect(await testDb.db.prisma.auditLog.count({ where: { userId: u.id } })).toBe(1);
  });

  it("refuses a non-elite user (nothing recorded), a bad option, and any vote after endsAt", async () => {
    const plain = await user({ level: 3 });
    const elite = await user({ elite: true });
    const p = await proposal();
    expect(await reason(castVote({ proposalId: p.id, userId: plain.id, option: 0 }, deps()))).toBe("not_elite");
    expect(await testDb.db.prisma.vote.count({ where: { userId: plain.id } })).toBe(0);
    expect(await reason(castVote({ proposalId: p.id, userId: elite.id, option: 9 }, deps()))).toBe("bad_option");
    now = new Date(now.getTime() + 3_600_000);
    expect(await reason(castVote({ proposalId: p.id, userId: elite.id, option: 0 }, deps()))).toBe("closed");
    expect(await testDb.db.prisma.vote.count({ where: { proposalId: p.id } })).toBe(0);
  });

  it("an elite user's proposal waits for approval, then opens for the duration asked", async () => {
    const elite = await user({ elite: true });
    const plain = await user({});
    const input = {
      title: "Lower fees",
      description: "",
      options: ["yes", "no"],
      endsAt: new Date(now.getTime() + 86_400_000),
    };
    expect(await reason(proposeAsUser({ ...input, userId: plain.id }, deps()))).toBe("not_elite");
    const p = await proposeAsUser({ ...input, userId: elite.id }, deps());
    expect(p.status).toBe("pending_approval");
    expect(await reason(castVote({ proposalId: p.id, userId: elite.id, option: 0 }, deps()))).toBe("closed");
    now = new Date(now.getTime() + 60_000);
    const approved = await reviewProposal({ proposalId: p.id, decision: "approve" }, deps());
    expect(approved.endsAt.getTime() - now.getTime()).toBe(86_400_000);
    expect(await reason(reviewProposal({ proposalId: p.id, decision: "reject" }, deps()))).toBe("CONFLICT");
    expect((await castVote({ proposalId: p.id, userId: elite.id, option: 0 }, deps())).outcome).toBe("recorded");
  });

  it("counts the quorum", () => {
    expect(countVotes(["a", "b"], [{ option: 0, votes: 2 }], 3)).toMatchObject({
      turnout: 2,
      quorumMet: false,
      leading: [0],
    });
    expect(
      countVotes(
        ["a", "b"],
        [
          { option: 0, votes: 2 },
          { option: 1, votes: 2 },
        ],
        4,
      ),
    ).toMatchObject({
      quorumMet: true,
      leading: [0, 1],
    });
    expect(countVotes(["a", "b"], [], null)).toMatchObject({ turnout: 0, quorumMet: true, leading: [] });
  });

  it("announces once per channel, ends at endsAt and posts the result once where announced", async () => {
    await testDb.db.prisma.communityChannel.create({
      data: { transport: "telegram", chatId: "-100500", boundBy: "admin:test" },
    });
    const p = await proposal(2);
    const voter = await user({ elite: true });
    const pending = (await pendingAnnouncements({ transport: "telegram" }, deps())).filter(
      (a) => a.proposalId === p.id,
    );
    expect(pending).toHaveLength(1);
    const key = { proposalId: p.id, transport: "telegram" as const, chatId: "-100500" };
    expect(await claimAnnouncement(key, deps())).toBe(true);
    expect(await claimAnnouncement(key, deps())).toBe(false);
    await recordAnnouncement({ ...key, messageId: "42" }, deps());
    expect((await pendingAnnouncements({ transport: "telegram" }, deps())).some((a) => a.proposalId === p.id)).toBe(
      false,
    );
    await castVote({ proposalId: p.id, userId: voter.id, option: 1 }, deps());

    now = new Date(p.endsAt.getTime() + 1);
    expect(await endDueProposals(deps())).toBeGreaterThan(0);
    expect(await endDueProposals(deps())).toBe(0);
    const results = (await pendingResults({ transport: "telegram" }, deps())).filter((r) => r.proposalId === p.id);
    expect(results).toEqual([
      expect.objectContaining({
        chatId: "-100500",
        messageId: "42",
        tally: expect.objectContaining({ turnout: 1, quorumMet: false }),
      }),
    ]);
    expect(await claimResult(key, deps())).toBe(true);
    expect(await claimResult(key, deps())).toBe(false);
    await recordResult({ ...key, messageId: "43" }, deps());
    expect((await getProposal({ proposalId: p.id }, deps())).resultPostedAt).not.toBeNull();
    expect(await pendingResults({ transport: "telegram" }, deps())).toEqual([]);
    const actions = await testDb.db.prisma.auditLog.findMany({
      where: { details: { path: ["proposalId"], equals: p.id } },
    });
    expect(actions.map((a) => a.action).sort()).toEqual([
      "proposal.created",
      "proposal.ended",
      "proposal.result_posted",
      "vote.cast",
    ]);
  });
});
