import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../../../test/fake-discord/start-fake-discord.ts";
import { createRecordingQueue } from "../../../test/recording-queue.ts";
import { type RunningDiscord, startDiscord } from "../start-discord.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";
import { channelCommand } from "./channel-command.ts";
import { createSignalChannelsListener } from "./signal-channels-listener.ts";

/** Polls until `check` returns something (the fake records what the bot did; the bot acts asynchronously). */
async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 3_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

// The real discord.js client against the fake Discord: commands, gateway messages, REST posts and member roles.
describe("signal channels through discord.js", () => {
  let fake: FakeDiscord;
  let kit: HandlerKit;
  let bot: RunningDiscord;
  let provider: string;
  let follower: string;
  let guild: ReturnType<FakeDiscord["addGuild"]>;
  const queue = createRecordingQueue();

  beforeAll(async () => {
    fake = await startFakeDiscord();
    provider = fake.addUser({ username: "provider" }).id;
    follower = fake.addUser({ username: "follower" }).id;
    guild = fake.addGuild({
      name: "Signals",
      ownerId: provider,
      channels: [{ name: "source" }, { name: "feed" }],
      roles: [{ name: "Copier" }],
      members: [{ userId: follower }],
    });
    kit = await createHandlerKit();
    const owner = await kit.caller(provider);
    // The role's guild is left out: the bot finds it among its guilds.
    await kit.db.strategy.create({
      data: {
        name: "Alpha",
        slug: "alpha",
        passphraseHash: "x",
        ownerUserId: owner.userId,
        subscriberRoleId: guild.roleId("Copier"),
      },
    });
    bot = await startDiscord(
      {
        token: fake.token,
        apiRoot: fake.apiRoot,
        guildId: guild.id,
        notifySweepMs: 0,
        commands: [channelCommand],
        listeners: [createSignalChannelsListener({ roleSyncMs: 100 })],
      },
      { ...kit.deps, queue },
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    await kit?.drop();
  });

  it("reads the poster's signals in the source channel and posts them in the feed within a second", async () => {
    const [source, feed] = [guild.channelId("source"), guild.channelId("feed")];
    const publish = await fake
      .command({ name: "channel publish", options: { strategy: "alpha" }, userId: provider, channelId: feed })
      .seen();
    expect(publish).toMatchObject({ ephemeral: true, text: expect.stringMatching(/now shows every signal of Alpha/) });
    const bind = fake.command({
      name: "channel source",
      options: { strategy: "alpha", poster: `<@${provider}>` },
      userId: provider,
      channelId: source,
    });
    expect((await bind.seen()).text).toMatch(/now become signals of Alpha/);

    const content = JSON.stringify({
      signal_id: "tc-77",
      action: "OPEN",
      symbol: "ETHUSDT",
      side: "SELL",
      quantity: 1,
      entry_price: 3000,
      stop_loss: 3100,
      take_profit: 2800,
    });
    const posted = Date.now();
    const message = fake.postMessage({ channelId: source, authorId: provider, content });
    await eventually(() => (fake.reactions(message.id)["✅"]?.includes(fake.botUserId) ? true : undefined));
    const embedPost = await fake.waitForBotMessage(feed, (m) => m.embeds.length > 0, 2_000);
    expect(Date.now() - posted).toBeLessThan(1_000);
    const [embed] = embedPost.embeds;
    expect(embed?.title).toBe("🔴 Short ETH/USDT:USDT");
    expect(embed?.fields?.map((f) => [f.name, f.value])).toEqual(
      expect.arrayContaining([
        ["Stop-loss", "3100"],
        ["Take-profit", "2800"],
        ["Signal id", "`tc-77`"],
      ]),
    );
    expect(embedPost.nonce).toBeDefined();

    // The edit is the same signal: ✅ stays, nothing new is posted.
    fake.editMessage(source, message.id, content.replace("3100", "3050"));
    await new Promise((r) => setTimeout(r, 600));
    expect(await kit.db.signal.count({ where: { dedupeKey: "id:tc-77" } })).toBe(1);
    expect(fake.messages(feed).filter((m) => m.authorId === fake.botUserId && m.embeds.length > 0)).toHaveLength(1);
  });

  it("answers a malformed message with ❌ and a reply, and ignores other authors", async () => {
    const source = guild.channelId("source");
    const bad = fake.postMessage({
      channelId: source,
      authorId: provider,
      content: '{"signal_id":"x","action":"BUY"}',
    });
    const reply = await fake.waitForBotMessage(source, (m) => m.content.startsWith("❌"));
    expect(reply.content).toMatch(/^❌ Not a signal: action: must be OPEN or CLOSE\./);
    expect(fake.reactions(bad.id)["❌"]).toEqual([fake.botUserId]);

    const chatter = fake.postMessage({ channelId: source, authorId: follower, content: "nice call!" });
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.reactions(chatter.id)).toEqual({});
  });

  it("gives a subscriber in the guild the strategy's role, and takes it back when they unsubscribe", async () => {
    const me = await kit.caller(follower);
    const account = await kit.db.exchangeAccount.create({ data: { userId: me.userId, exchange: "paper" } });
    const strategy = await kit.db.strategy.findUniqueOrThrow({ where: { slug: "alpha" } });
    const sub = await kit.db.subscription.create({
      data: { accountId: account.id, strategyId: strategy.id, sizingMode: "fixed", sizingValue: "10" },
    });
    const role = guild.roleId("Copier");
    await eventually(() => (fake.memberRoles(guild.id, follower).includes(role) ? true : undefined));
    await kit.db.subscription.update({ where: { id: sub.id }, data: { status: "ended" } });
    await eventually(() => (fake.memberRoles(guild.id, follower).includes(role) ? undefined : true));
    expect(fake.unexpectedRequests()).toEqual([]);
  });
});
