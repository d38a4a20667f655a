import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningTelegram, startTelegram } from "../../bots/telegram/start-telegram.ts";
import { endDueProposals } from "../../core/community/governance/end-proposals.ts";
import { createLogger, silentLogger } from "../../core/platform/logger.ts";
import { createTestDatabase } from "../db.ts";
import type { BotMessage } from "../fake-telegram/fake-telegram-state.ts";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/start-fake-telegram.ts";
import { createHarness, type Harness } from "../harness.ts";
import { telegramBotDeps } from "../telegram-bot-deps.ts";

// Governance through the real bot against the fake Bot API: a proposal announced in a community group with a
// button per option, an elite member's vote (twice the same), a refused non-elite member, and the result.
describe("telegram: governance voting", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let tg: FakeTelegram;
  let h: Harness;
  let bot: RunningTelegram;
  let skewMs = 0;
  const clock = { now: () => new Date(Date.now() + skewMs) };
  const alice = { id: 9101, first_name: "Alice", username: "alice" };
  const bob = { id: 9102, first_name: "Bob", username: "bob" };
  const group = -7001;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    tg = await startFakeTelegram();
    h = createHarness({ db: testDb.db });
    bot = await startTelegram(
      { token: tg.token, apiRoot: tg.apiRoot, pollTimeoutSec: 1, notifySweepMs: 100 },
      telegramBotDeps(h, { clock, logger: process.env.DEBUG_BOT ? createLogger({ level: "debug" }) : silentLogger }),
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await h?.close();
    await tg?.close();
    await testDb?.drop();
  });

  const answerTo = async (updateId: number) => {
    for (let i = 0; i < 500; i++) {
      const a = tg.state.callbackAnswers.find((c) => c.id === `cb${updateId}`);
      if (a) return a.text ?? "";
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no answer to callback ${updateId}`);
  };
  const inGroup = (pattern: RegExp) => (m: BotMessage) => m.chatId === group && pattern.test(m.text ?? "");

  it("announces, takes one vote per person, refuses a non-elite member and posts the result once", async () => {
    const prisma = testDb.db.prisma;
    const aliceId = (await h.admin<{ id: string }>("POST", "/api/admin/users", { telegramId: String(alice.id) })).id;
    await h.admin("PATCH", `/api/admin/users/${aliceId}`, { elite: true });
    // The community group, named by the admin (Telegram has no /channel command).
    await h.admin("POST", "/api/admin/community-channels", { transport: "telegram", chatId: group });

    const since = tg.state.botMessages.length;
    const { id } = await h.admin<{ id: string }>("POST", "/api/admin/proposals", {
      title: "Add an ETH strategy",
      description: "A second strategy next to BTC momentum.",
      options: ["yes", "no"],
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      quorum: 2,
    });
    const post = await tg.waitFor(inGroup(/Add an ETH strategy/), { since });
    expect(post.replyMarkup?.inline_keyboard?.flat().map((b) => b.text)).toEqual(["yes", "no"]);

    expect(await answerTo(tg.click(alice, post, "yes"))).toMatch(/Vote recorded: yes/);
    expect(await answerTo(tg.click(alice, post, "yes"))).toMatch(/already voted yes: nothing changed/);
    expect(await prisma.auditLog.count({ where: { userId: aliceId, action: { startsWith: "vote." } } })).toBe(1);

    expect(await answerTo(tg.click(bob, post, "no"))).toMatch(/Only elite members vote.*Elite level.*admin grants/);
    expect(await prisma.vote.count({ where: { proposalId: id } })).toBe(1);
    const bobSince = tg.state.botMessages.length;
    tg.send(bob, "/vote");
    await tg.waitFor((m) => m.chatId === bob.id && /Only elite members/.test(m.text ?? ""), { since: bobSince });

    // Alice's own /vote list marks her choice; changing it there replaces her vote.
    const aliceSince = tg.state.botMessages.length;
    tg.send(alice, "/vote");
    const listed = await tg.waitFor((m) => m.chatId === alice.id && /Add an ETH strategy/.test(m.text ?? ""), {
      since: aliceSince,
    });
    expect(listed.replyMarkup?.inline_keyboard?.flat().map((b) => b.text)).toEqual(["✓ yes", "no"]);
    expect(await answerTo(tg.click(alice, listed, "no"))).toMatch(/Vote changed to no/);
    expect(await prisma.vote.findMany({ where: { proposalId: id } })).toEqual([
      expect.objectContaining({ userId: aliceId, option: 1 }),
    ]);

    // The end: the worker's job closes it; the bot posts the result under the announcement, once.
    skewMs = 3_600_000 + 1000;
    expect(await answerTo(tg.click(alice, post, "yes"))).toMatch(/closed/);
    expect(await endDueProposals({ db: prisma, clock })).toBe(1);
    const result = await tg.waitFor(inGroup(/Result: Add an ETH strategy/), { since });
    expect(result.text).toMatch(/no: 1 \(100%\)/);
    expect(result.text).toMatch(/Turnout: 1 vote/);
    expect(result.text).toMatch(/Quorum of 2 not reached/);
    await new Promise((r) => setTimeout(r, 500));
    expect(tg.messagesTo(group).filter((m) => /Result:/.test(m.text ?? ""))).toHaveLength(1);
    const detail = await h.admin<{ status: string; resultPostedAt: string | null }>(
      "GET",
      `/api/admin/proposals/${id}`,
    );
    expect(detail.status).toBe("ended");
    expect(detail.resultPostedAt).not.toBeNull();
  });

  it("/propose: an elite member's proposal waits for approval, then is announced with its buttons", async () => {
    const reply = async (user: typeof alice, text: string, pattern: RegExp) => {
      const since = tg.state.botMessages.length;
      tg.send(user, text);
      return tg.waitFor((m) => m.chatId === user.id && pattern.test(m.text ?? ""), { since });
    };
    await reply(bob, "/propose Lower fees | yes, no | 2d", /Only elite members/);
    await reply(alice, "/propose Lower fees", /Send: \/propose Title/);
    await reply(alice, "/propose Lower fees | yes, no | forever", /duration must look like/);
    await reply(alice, "/propose Lower fees | yes | 2d", /2 to 6 options/i);
    await reply(alice, "/propose Lower fees | yes, no | 2d | Half the fee", /waiting for an admin's approval/);
    const p = await testDb.db.prisma.proposal.findFirstOrThrow({ where: { title: "Lower fees" } });
    expect(p).toMatchObject({ status: "pending_approval", description: "Half the fee" });

    const since = tg.state.botMessages.length;
    await h.admin("POST", `/api/admin/proposals/${p.id}/approve`);
    const post = await tg.waitFor(inGroup(/Lower fees/), { since });
    expect(post.replyMarkup?.inline_keyboard?.flat().map((b) => b.text)).toEqual(["yes", "no"]);
  });
});
