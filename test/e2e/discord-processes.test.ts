import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../db.ts";
import { seedFollowerExecution, seedSignal } from "../factories.ts";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/start-fake-discord.ts";
import { type Proc, startEntry } from "../processes.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

// The Discord bot as an operator runs it: `npm run discord:register` alone, and `npm run discord` apart from the
// API and workers, reaching the fake Discord through DISCORD_API_ROOT only.
describe("npm run discord and npm run discord:register", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let fake: FakeDiscord;
  let redis: Redis;
  const procs: Proc[] = [];
  const prefix = `mimic-test-${randomBytes(4).toString("hex")}`;
  let env: Record<string, string>;
  let guildId: string;
  let alice: string;

  beforeAll(async () => {
    [testDb, fake] = await Promise.all([createTestDatabase(), startFakeDiscord()]);
    redis = new Redis(REDIS_URL);
    alice = fake.addUser({ username: "alice" }).id;
    guildId = fake.addGuild({ name: "Traders", ownerId: alice, channels: [{ name: "general" }] }).id;
    env = {
      NODE_ENV: "production",
      DATABASE_URL: testDb.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      MASTER_KEY: randomBytes(32).toString("base64"),
      ADMIN_TOKEN: randomBytes(24).toString("base64url"),
      DISCORD_BOT_TOKEN: fake.token,
      DISCORD_API_ROOT: fake.apiRoot,
      TELEGRAM_NOTIFY_SWEEP_MS: "200",
    };
  }, 60_000);

  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    if (process.env.DEBUG_PROCS) for (const p of procs) console.log(p.output());
    if (redis) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    await fake?.close();
    await testDb?.drop();
  });

  it("discord:register syncs the commands in the guild with one bulk overwrite, without the gateway", async () => {
    const register = startEntry("bots/discord/register.ts", { ...env, DISCORD_GUILD_ID: guildId });
    procs.push(register);
    expect(await new Promise((resolve) => register.child.once("exit", resolve))).toBe(0);
    expect(register.output()).toMatch(/slash commands registered in guild/);
    expect(fake.requests(`PUT /applications/:app/guilds/:guild/commands`)).toHaveLength(1);
    expect(fake.commands(guildId).map((c) => c.name)).toEqual(
      expect.arrayContaining(["help", "link", "subscribe", "panic", "connect", "channel"]),
    );
    expect(fake.connectedSessions).toBe(0);
  }, 90_000);

  it("npm run discord refuses to start without Redis, saying why", async () => {
    const bad = startEntry("bots/discord/main.ts", { ...env, REDIS_URL: "" });
    procs.push(bad);
    expect(await new Promise((resolve) => bad.child.once("exit", resolve))).toBe(1);
    expect(bad.output()).toMatch(/REDIS_URL/);
  }, 60_000);

  it("npm run discord answers slash commands and delivers its users' notifications by DM", async () => {
    const bot = startEntry("bots/discord/main.ts", env);
    procs.push(bot);
    await bot.waitFor(/discord bot is up/, 60_000);
    expect(fake.commands().map((c) => c.name)).toContain("help");

    const help = await fake.command({ name: "help", userId: alice, guildId }).seen();
    expect(help.ephemeral).toBe(true);
    expect(help.text).toContain("/connect");

    // A finished execution of a Discord-only user: the bot's outbox sweep queues it on "notify-discord", and
    // its own consumer sends the DM.
    const db = testDb.db.prisma;
    const user = await db.user.findUniqueOrThrow({ where: { discordId: alice } });
    const { signal } = await seedSignal(db);
    const { execution, account } = await seedFollowerExecution(db, signal);
    await db.exchangeAccount.update({ where: { id: account.id }, data: { userId: user.id } });
    await db.execution.update({
      where: { id: execution.id },
      data: { status: "filled", side: "buy", filledAmount: "0.01", avgPrice: "65000" },
    });
    const dm = await fake.waitForDm(alice, (m) => /Filled/.test(fake.text(m)), 20_000);
    expect(fake.text(dm)).toMatch(/Filled: long BTC\/USDT:USDT, 0\.01 @ 65000/);
    // The DM channel is kept, so the next notification is one request.
    const until = Date.now() + 5000;
    let kept = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    while (!kept.discordDmChannelId && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      kept = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    }
    expect(kept.discordDmChannelId).toBe(fake.dmChannelId(alice));
  }, 90_000);
});
