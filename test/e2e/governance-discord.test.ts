import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGovernanceListener } from "../../bots/discord/channels/governance-posts.ts";
import type { DiscordDeps } from "../../bots/discord/discord-deps.ts";
import { type RunningDiscord, startDiscord } from "../../bots/discord/start-discord.ts";
import { wording } from "../../bots/shared/wording/translator.ts";
import { unknownKeyPermissions } from "../../core/accounts/key-permissions.ts";
import { endDueProposals } from "../../core/community/governance/end-proposals.ts";
import { silentLogger } from "../../core/platform/logger.ts";
import { createTestDatabase } from "../db.ts";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/start-fake-discord.ts";
import { createHarness, type Harness } from "../harness.ts";

// The governance path with the real discord.js client against the fake Discord: /channel governance, the
// proposal posted with a button per option, one vote per member (a second press changes nothing), a refused
// non-elite member, /vote's private list, /propose's form, and the result posted under the proposal once.
describe("Discord: governance voting", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let fake: FakeDiscord;
  let h: Harness;
  let bot: RunningDiscord;
  let skewMs = 0;
  const clock = { now: () => new Date(Date.now() + skewMs) };
  let owner: string;
  let elite: string;
  let plain: string;
  let guild: ReturnType<FakeDiscord["addGuild"]>;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    fake = await startFakeDiscord();
    owner = fake.addUser({ username: "owner" }).id;
    elite = fake.addUser({ username: "elite" }).id;
    plain = fake.addUser({ username: "plain" }).id;
    guild = fake.addGuild({
      name: "Mimic community",
      ownerId: owner,
      channels: [{ name: "governance" }, { name: "lobby" }],
      members: [{ userId: elite }, { userId: plain }],
    });
    h = createHarness({ db: testDb.db });
    const deps: DiscordDeps & { queue: Harness["queue"] } = {
      db: testDb.db.prisma,
      cipher: h.deps.cipher,
      exchanges: h.exchanges,
      keyPermissions: unknownKeyPermissions,
      clock,
      logger: silentLogger,
      translator: wording(),
      linkableExchanges: ["paper"],
      totpIssuer: "Mimic",
      adminIds: [],
      queue: h.queue,
      sql: testDb.db.sql,
      dedupeWindowSec: 30,
    };
    bot = await startDiscord(
      {
        token: fake.token,
        apiRoot: fake.apiRoot,
        notifySweepMs: 100,
        listeners: [createGovernanceListener({ tickMs: 100 })],
      },
      deps,
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await h?.close();
    await fake?.close();
    await testDb?.drop();
  });

  const channel = () => guild.channelId("governance");
  const press = (messageId: string, userId: string, label: string) =>
    fake.clickButton({ messageId, userId, label }).seen();

  it("binds the channel, votes once per member, refuses a non-elite member and posts the result once", async () => {
    const prisma = testDb.db.prisma;
    const refused = await fake
      .command({ name: "channel governance", userId: plain, guildId: guild.id, channelId: channel() })
      .seen();
    expect(refused.text).toMatch(/Manage Server/);
    const bound = await fake
      .command({ name: "channel governance", userId: owner, guildId: guild.id, channelId: channel() })
      .seen();
    expect(bound.ephemeral).toBe(true);
    expect(bound.text).toMatch(/governance proposals/);
    expect(await prisma.communityChannel.count({ where: { transport: "discord" } })).toBe(1);

    // The elite member exists (first contact) and is granted by the admin.
    await fake.command({ name: "help", userId: elite }).seen();
    const eliteUser = await prisma.user.findUniqueOrThrow({ where: { discordId: elite } });
    await h.admin("PATCH", `/api/admin/users/${eliteUser.id}`, { elite: true });

    const { id } = await h.admin<{ id: string }>("POST", "/api/admin/proposals", {
      title: "Add an ETH strategy",
      description: "",
      options: ["yes", "no", "later"],
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const post = await fake.waitForBotMessage(channel(), (m) => /Add an ETH strategy/.test(fake.text(m)));

    const first = await press(post.id, elite, "yes");
    expect(first.ephemeral).toBe(true);
    expect(first.text).toMatch(/Vote recorded: yes/);
    expect((await press(post.id, elite, "yes")).text).toMatch(/already voted yes: nothing changed/);
    expect(await prisma.auditLog.count({ where: { userId: eliteUser.id, action: { startsWith: "vote." } } })).toBe(1);

    const notElite = await press(post.id, plain, "no");
    expect(notElite.ephemeral).toBe(true);
    expect(notElite.text).toMatch(/Only elite members vote.*Elite level.*admin grants/);
    expect(await prisma.vote.count({ where: { proposalId: id } })).toBe(1);

    // /vote: the same proposal, privately, with the member's choice marked; a press there changes the vote.
    const list = await fake
      .command({ name: "vote", userId: elite, guildId: guild.id, channelId: guild.channelId("lobby") })
      .seen();
    expect(list.ephemeral).toBe(true);
    expect(list.text).toMatch(/Add an ETH strategy/);
    const listed = list.messages[0]?.id ?? "";
    expect((await press(listed, elite, "later")).text).toMatch(/Vote changed to later/);
    expect(await prisma.vote.findMany({ where: { proposalId: id } })).toEqual([
      expect.objectContaining({ userId: eliteUser.id, option: 2 }),
    ]);

    // The end: refused afterwards; the result under the announcement, once.
    skewMs = 3_600_000 + 1000;
    expect((await press(post.id, elite, "no")).text).toMatch(/closed/);
    expect(await endDueProposals({ db: prisma, clock })).toBe(1);
    const result = await fake.waitForBotMessage(channel(), (m) => /Result: Add an ETH strategy/.test(fake.text(m)));
    expect(fake.text(result)).toMatch(/later: 1 \(100%\)/);
    expect(fake.text(result)).toMatch(/Turnout: 1 vote/);
    await new Promise((r) => setTimeout(r, 400));
    expect(fake.messages(channel()).filter((m) => /Result:/.test(fake.text(m)))).toHaveLength(1);
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id } })).resultPostedAt).not.toBeNull();
  });

  it("/propose opens a form for an elite member and refuses the others before it", async () => {
    expect((await fake.command({ name: "propose", userId: plain }).seen()).text).toMatch(/Only elite members/);
    const opened = fake.command({ name: "propose", userId: elite });
    expect((await opened.seen()).modal).toBeTruthy();
    const sent = await fake
      .submitModal({
        from: opened,
        fields: { title: "Lower fees", options: "yes\nno", duration: "2d", description: "" },
      })
      .seen();
    expect(sent.text).toMatch(/waiting for an admin's approval/);
    const p = await testDb.db.prisma.proposal.findFirstOrThrow({ where: { title: "Lower fees" } });
    expect(p.status).toBe("pending_approval");
  });
});
