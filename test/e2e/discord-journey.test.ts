import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignalChannelsListener } from "../../bots/discord/channels/signal-channels-listener.ts";
import type { DiscordDeps } from "../../bots/discord/discord-deps.ts";
import { createDiscordNotifier } from "../../bots/discord/notifications/discord-notifier.ts";
import { type RunningDiscord, startDiscord } from "../../bots/discord/start-discord.ts";
import { wording } from "../../bots/shared/wording/translator.ts";
import { unknownKeyPermissions } from "../../core/accounts/key-permissions.ts";
import { termsVersion } from "../../core/community/terms/terms-document.ts";
import { silentLogger } from "../../core/platform/logger.ts";
import { createTestDatabase } from "../db.ts";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/start-fake-discord.ts";
import { createHarness, type Harness } from "../harness.ts";

const SYMBOL = "BTC/USDT:USDT";

/** Polls until `check` gives a value (the bot and the workers act asynchronously). */
async function eventually<T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms = 10_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// The path with the real discord.js client against a fake Discord (gateway + REST), the whole product
// in-process (API, queue, workers, paper exchange) over a real Postgres: a provider binds channels and feeds a
// strategy from one, paper followers copy it, the signal is published, the follower gets the role and a DM, and
// /panic with a TOTP code in a form closes everything. Every bad input on the way is refused and creates nothing.
describe("Discord: signal channels and the follower's journey", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let fake: FakeDiscord;
  let h: Harness;
  let bot: RunningDiscord;
  let deps: DiscordDeps;
  let provider: string;
  let follower: string;
  let stranger: string;
  let guild: ReturnType<FakeDiscord["addGuild"]>;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    fake = await startFakeDiscord();
    provider = fake.addUser({ username: "provider" }).id;
    follower = fake.addUser({ username: "follower", globalName: "Follower" }).id;
    stranger = fake.addUser({ username: "stranger" }).id;
    guild = fake.addGuild({
      name: "Alpha signals",
      ownerId: provider,
      channels: [{ name: "signals-in" }, { name: "signals-out" }, { name: "lobby" }],
      roles: [{ name: "Alpha copier" }],
      members: [{ userId: follower }, { userId: stranger }],
    });
    const translator = wording();
    const notifier = createDiscordNotifier({ token: fake.token, apiRoot: fake.apiRoot, translator });
    h = createHarness({ db: testDb.db, paperPrices: { [SYMBOL]: "65000" }, notifiers: [notifier] });

    // The operator makes the provider's strategy, owned by the provider, with a subscriber role.
    const owner = await h.admin<{ id: string }>("POST", "/api/admin/users", { discordId: provider });
    const strategy = await h.admin<{ id: string }>("POST", "/api/admin/strategies", {
      name: "Alpha",
      slug: "alpha",
      ownerUserId: owner.id,
    });
    await h.admin("PATCH", `/api/admin/strategies/${strategy.id}`, { subscriberRoleId: guild.roleId("Alpha copier") });

    deps = {
      db: testDb.db.prisma,
      cipher: h.deps.cipher,
      exchanges: h.exchanges,
      keyPermissions: unknownKeyPermissions,
      clock: { now: () => new Date() },
      logger: silentLogger,
      translator,
      linkableExchanges: ["paper", "binanceusdm"],
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
        // The product's listener, with its role sync every 200 ms instead of 5 s so the test need not wait.
        listeners: [createSignalChannelsListener({ roleSyncMs: 200 })],
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

  const userOf = (discordId: string) => testDb.db.prisma.user.findUnique({ where: { discordId } });
  const lobby = () => guild.channelId("lobby");
  const totpCode = async (discordId: string, epoch = Date.now()) => {
    const user = await testDb.db.prisma.user.findUniqueOrThrow({ where: { discordId }, include: { totp: true } });
    const secret = deps.cipher.open(user.totp?.secret ?? "");
    return generate({ secret, epoch: Math.floor(epoch / 1000) });
  };

  it("a follower links a paper account, subscribes and sets up 2FA, all in private answers", async () => {
    // /link before consent shows the terms first; accepting asks the country (a select); then /link runs.
    const gated = await fake
      .command({
        name: "link",
        options: { exchange: "paper" },
        userId: follower,
        guildId: guild.id,
        channelId: lobby(),
      })
      .seen();
    expect(gated.ephemeral).toBe(true);
    const gateMessage = gated.messages[0]?.id ?? "";
    const accepted = await fake.clickButton({ messageId: gateMessage, userId: follower, label: "I accept" }).seen();
    expect(accepted.text).toMatch(/Where do you live\?/);
    const declared = await fake.chooseSelect({ messageId: gateMessage, values: ["DE"], userId: follower }).seen();
    expect(declared.text).toMatch(/Country of residence: Germany \(DE\)\.\nAll set\. Send \/link again/);
    expect(await userOf(follower)).toMatchObject({ termsVersion: termsVersion(), country: "DE" });

    const linked = await fake
      .command({
        name: "link",
        options: { exchange: "paper" },
        userId: follower,
        guildId: guild.id,
        channelId: lobby(),
      })
      .seen();
    expect(linked.ephemeral).toBe(true);
    expect(linked.text).toMatch(/Paper account linked with 10000 USDT/);

    const subscribed = await fake
      .command({
        name: "subscribe",
        options: { strategy: "alpha", sizing: "fixed", value: "100" },
        userId: follower,
        guildId: guild.id,
        channelId: lobby(),
      })
      .seen();
    expect(subscribed.ephemeral).toBe(true);
    expect(subscribed.text).toMatch(/^Subscribed\. Sizing: 100/);
    expect(await testDb.db.prisma.subscription.count({ where: { status: "active" } })).toBe(1);

    const setup = await fake.command({ name: "2fa", userId: follower }).seen();
    expect(setup.files.map((f) => f.filename)).toEqual(["2fa.png"]);
    const opened = fake.clickButton({ messageId: setup.messages[0]?.id ?? "", userId: follower, label: /code/i });
    expect((await opened.seen()).modal).toBeTruthy();
    const done = await fake.submitModal({ from: opened, fields: { code: await totpCode(follower) } }).seen();
    expect(done.text).toMatch(/Two-factor authentication is on/);
  });

  it("refuses, with the reason and creating nothing: an unknown strategy, a non-owner, /channel in a DM", async () => {
    const unknown = await fake
      .command({
        name: "subscribe",
        options: { strategy: "nope", sizing: "fixed", value: "100" },
        userId: follower,
        guildId: guild.id,
        channelId: lobby(),
      })
      .seen();
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.text).toMatch(/nope/);
    expect(await testDb.db.prisma.subscription.count()).toBe(1);

    const nonOwner = await fake
      .command({
        name: "channel source",
        options: { strategy: "alpha", poster: stranger },
        userId: stranger,
        guildId: guild.id,
        channelId: guild.channelId("signals-in"),
      })
      .seen();
    expect(nonOwner.ephemeral).toBe(true);
    expect(nonOwner.text).toMatch(/owner/i);

    const inDm = await fake
      .command({ name: "channel publish", options: { strategy: "alpha" }, userId: provider })
      .seen();
    expect(inDm.ephemeral).toBe(true);
    expect(inDm.text).toMatch(/server/i);
    expect(await testDb.db.prisma.channelBinding.count()).toBe(0);
  });

  it("the provider binds a source and a publish channel; a JSON post becomes a copied, published signal", async () => {
    const [source, feed] = [guild.channelId("signals-in"), guild.channelId("signals-out")];
    const bindSource = await fake
      .command({
        name: "channel source",
        options: { strategy: "alpha", poster: `<@${provider}>` },
        userId: provider,
        guildId: guild.id,
        channelId: source,
      })
      .seen();
    expect(bindSource.ephemeral).toBe(true);
    const bindFeed = await fake
      .command({
        name: "channel publish",
        options: { strategy: "alpha" },
        userId: provider,
        guildId: guild.id,
        channelId: feed,
      })
      .seen();
    expect(bindFeed.ephemeral).toBe(true);
    expect(await testDb.db.prisma.channelBinding.count()).toBe(2);

    // Someone else's JSON in the source channel is ignored: no reaction, no signal.
    const intruder = fake.postMessage({
      channelId: source,
      authorId: stranger,
      content: JSON.stringify({ signal_id: "x-1", action: "OPEN", symbol: "BTCUSDT", side: "SELL" }),
    });

    // A malformed message from the poster: ❌, a reply saying what is wrong, nothing created.
    const malformed = fake.postMessage({
      channelId: source,
      authorId: provider,
      content: JSON.stringify({ signal_id: "a-0", action: "OPEN", symbol: "BTCUSDT", side: "BUY", stop_loss: "-5" }),
    });
    await eventually("the ❌", () => fake.reactions(malformed.id)["❌"]);
    const reply = await fake.waitForBotMessage(source, (m) => /stop_loss/.test(fake.text(m)));
    expect(fake.text(reply)).toMatch(/stop_loss: must be a positive number/);

    const post = fake.postMessage({
      channelId: source,
      authorId: provider,
      content: JSON.stringify({
        signal_id: "a-1",
        timestamp: new Date().toISOString(),
        action: "OPEN",
        symbol: "BTCUSDT",
        side: "BUY",
        quantity: "0.01",
        entry_price: "65000",
        stop_loss: "63000",
        take_profit: "68000",
      }),
    });
    await eventually("the ✅", () => fake.reactions(post.id)["✅"]);
    expect(fake.reactions(intruder.id)).toEqual({});
    const signals = await testDb.db.prisma.signal.findMany();
    expect(signals).toHaveLength(1);
    const signal = signals[0];
    expect(signal).toMatchObject({ action: "long", symbol: SYMBOL, dedupeKey: "id:a-1" });
    expect(signal?.slPrice?.toString()).toBe("63000");
    expect(signal?.tpPrice?.toString()).toBe("68000");

    // The embed is in the publish channel within a second of the signal being recorded.
    const embed = await fake.waitForBotMessage(feed, (m) => m.embeds.length > 0);
    expect(Date.parse(embed.createdAt) - (signal?.receivedAt.getTime() ?? 0)).toBeLessThan(1000);
    const text = fake.text(embed);
    for (const part of [SYMBOL, "65000", "63000", "68000", "a-1"]) expect(text).toContain(part);

    // The paper follower's trade is open, protected at the provider's levels.
    const trade = await eventually("the follower's trade", () =>
      testDb.db.prisma.trade.findFirst({ where: { status: "open" } }),
    );
    expect(trade.side).toBe("long");
    const protection = await eventually("its TP and SL", async () => {
      const orders = await testDb.db.prisma.paperOrder.findMany({
        where: { accountId: trade.accountId, triggerPrice: { not: null } },
      });
      return orders.length === 2 ? orders : undefined;
    });
    expect(protection.map((o) => o.triggerPrice?.toString()).sort()).toEqual(["63000", "68000"]);

    // Reposting or editing the same signal_id is the same signal.
    const repost = fake.postMessage({ channelId: source, authorId: provider, content: post.content });
    await eventually("the repost's ✅", () => fake.reactions(repost.id)["✅"]);
    expect(await testDb.db.prisma.signal.count()).toBe(1);

    // The follower gets the subscriber role and the fill by DM.
    await eventually("the role", () =>
      fake.memberRoles(guild.id, follower).includes(guild.roleId("Alpha copier")) ? true : undefined,
    );
    expect(fake.memberRoles(guild.id, stranger)).not.toContain(guild.roleId("Alpha copier"));
    const dm = await fake.waitForDm(follower, (m) => /Filled/.test(fake.text(m)), 10_000);
    expect(fake.text(dm)).toContain(SYMBOL);
  });

  it("/panic asks for the TOTP code in a form: a wrong code changes nothing, the right one closes everything", async () => {
    const wrongOpen = fake.command({ name: "panic", userId: follower, guildId: guild.id, channelId: lobby() });
    expect((await wrongOpen.seen()).modal).toBeTruthy();
    const wrong = await fake.submitModal({ from: wrongOpen, fields: { code: "000000" } }).seen();
    expect(wrong.ephemeral).toBe(true);
    expect(wrong.text).toMatch(/code/i);
    expect(await testDb.db.prisma.trade.count({ where: { status: "open" } })).toBe(1);

    const open = fake.command({ name: "panic", userId: follower, guildId: guild.id, channelId: lobby() });
    await open.seen();
    // The next time step's code: the one that confirmed 2FA may still be current, and a code works once.
    const done = await fake
      .submitModal({ from: open, fields: { code: await totpCode(follower, Date.now() + 30_000) } })
      .seen();
    expect(done.ephemeral).toBe(true);
    expect(done.text).toMatch(/closed BTC\/USDT:USDT long/);
    expect(await testDb.db.prisma.trade.count({ where: { status: "open" } })).toBe(0);
    expect(await testDb.db.prisma.paperPosition.count({ where: { NOT: { contracts: 0 } } })).toBe(0);
    const user = await userOf(follower);
    const subs = await testDb.db.prisma.subscription.findMany({ where: { account: { userId: user?.id } } });
    expect(subs.map((s) => s.status)).toEqual(["paused"]);
  });
});
