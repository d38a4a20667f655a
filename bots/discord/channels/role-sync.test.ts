import { DiscordAPIError } from "discord.js";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoleChange } from "../../../core/channels/role-sync.ts";
import type { DbClient } from "../../../core/platform/db-client.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { DiscordCode } from "./discord-errors.ts";
import { createRoleSync, type RoleApi } from "./role-sync.ts";

const GUILD = "300000000000000001";
const ROLE = "600000000000000001";

const apiError = (code: number, status: number) =>
  new DiscordAPIError({ message: `error ${code}`, code }, code, status, "PUT", "/guilds", { body: undefined });

/** Discord's member roles, with members who are not in the guild and a role the bot may not manage. */
function fakeDiscord() {
  const roles = new Map<string, Set<string>>();
  const absent = new Set<string>();
  const calls: string[] = [];
  let forbidden = false;
  const key = (c: RoleChange) => `${c.guildId}|${c.discordId}`;
  const api: RoleApi = {
    async add(c) {
      calls.push(`add ${c.discordId}`);
      if (forbidden) throw apiError(DiscordCode.MissingPermissions, 403);
      if (absent.has(c.discordId)) throw apiError(DiscordCode.UnknownMember, 404);
      roles.set(key(c), new Set([...(roles.get(key(c)) ?? []), c.roleId]));
    },
    async remove(c) {
      calls.push(`remove ${c.discordId}`);
      if (forbidden) throw apiError(DiscordCode.MissingPermissions, 403);
      if (absent.has(c.discordId)) throw apiError(DiscordCode.UnknownMember, 404);
      roles.get(key(c))?.delete(c.roleId);
    },
    resolveGuild: (roleId) => (roleId === ROLE ? GUILD : null),
  };
  return {
    api,
    calls,
    absent,
    has: (discordId: string) => roles.get(`${GUILD}|${discordId}`)?.has(ROLE) ?? false,
    forbid(on: boolean) {
      forbidden = on;
    },
  };
}

describe("subscriber role sync", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DbClient;
  let seq = 0;
  let now = Date.now();
  const clock = { now: () => new Date(now) };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.db.prisma;
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  /** A strategy with the role (its guild left to be found unless given), and a way to subscribe Discord users. */
  async function strategyWithRole(guildId: string | null = null) {
    const strategy = await db.strategy.create({
      data: {
        name: "Roles",
        slug: `roles-${++seq}`,
        passphraseHash: "x",
        subscriberRoleId: ROLE,
        subscriberRoleGuildId: guildId,
      },
    });
    const subscribe = async () => {
      const discordId = `1000000000000${String(++seq).padStart(5, "0")}`;
      const user = await db.user.create({ data: { discordId } });
      const account = await db.exchangeAccount.create({ data: { userId: user.id, exchange: "paper" } });
      const sub = await db.subscription.create({
        data: { accountId: account.id, strategyId: strategy.id, sizingMode: "fixed", sizingValue: "10" },
      });
      const end = () => db.subscription.update({ where: { id: sub.id }, data: { status: "ended" } });
      return { discordId, userId: user.id, end };
    };
    return { strategy, subscribe };
  }

  it("grants the role to a subscriber in the guild, and takes it back when the subscription ends", async () => {
    const discord = fakeDiscord();
    const sync = createRoleSync({ db, clock, logger: pino({ level: "silent" }), api: discord.api });
    const { subscribe } = await strategyWithRole();
    const alice = await subscribe();
    expect(await sync.run()).toMatchObject({ granted: 1, revoked: 0 });
    expect(discord.has(alice.discordId)).toBe(true);
    expect(await db.discordRoleGrant.count({ where: { userId: alice.userId, guildId: GUILD } })).toBe(1);
    // Nothing to do: no call to Discord.
    const calls = discord.calls.length;
    expect(await sync.run()).toEqual({ granted: 0, revoked: 0, waiting: 0, failed: 0 });
    expect(discord.calls).toHaveLength(calls);

    await alice.end();
    expect(await sync.run()).toMatchObject({ revoked: 1 });
    expect(discord.has(alice.discordId)).toBe(false);
    expect(await db.discordRoleGrant.count({ where: { userId: alice.userId } })).toBe(0);
    await db.discordRoleGrant.deleteMany();
    await db.subscription.updateMany({ data: { status: "ended" } });
  });

  it("waits for someone not in the guild, asking less and less often, and grants once they join", async () => {
    const discord = fakeDiscord();
    const sync = createRoleSync(
      { db, clock, logger: pino({ level: "silent" }), api: discord.api },
      { memberRetryMs: { first: 1_000, max: 4_000 } },
    );
    const { subscribe } = await strategyWithRole(GUILD);
    const bob = await subscribe();
    discord.absent.add(bob.discordId);
    const tries = () => discord.calls.filter((c) => c === `add ${bob.discordId}`).length;
    expect(await sync.run()).toMatchObject({ waiting: 1, granted: 0 });
    expect(await sync.run()).toMatchObject({ waiting: 1 });
    expect(tries()).toBe(1);
    now += 1_001;
    await sync.run();
    expect(tries()).toBe(2);
    now += 1_001;
    await sync.run();
    expect(tries()).toBe(2);
    now += 1_000;
    discord.absent.delete(bob.discordId);
    expect(await sync.run()).toMatchObject({ granted: 1 });
    expect(discord.has(bob.discordId)).toBe(true);

    // Left the guild before unsubscribing: the grant is just forgotten.
    discord.absent.add(bob.discordId);
    await bob.end();
    expect(await sync.run()).toMatchObject({ revoked: 1 });
    expect(await db.discordRoleGrant.count({ where: { userId: bob.userId } })).toBe(0);
    await db.subscription.updateMany({ data: { status: "ended" } });
  });

  it("warns once, with what to fix, when the bot may not manage the role, and tries again later", async () => {
    const discord = fakeDiscord();
    const warnings: { msg: string; roleId?: string }[] = [];
    const logger = pino({ level: "warn" }, { write: (line: string) => void warnings.push(JSON.parse(line)) });
    const sync = createRoleSync({ db, clock, logger, api: discord.api }, { roleRetryMs: 60_000 });
    const { subscribe } = await strategyWithRole(GUILD);
    const [carol, dave] = [await subscribe(), await subscribe()];
    discord.forbid(true);
    expect(await sync.run()).toMatchObject({ waiting: 2, granted: 0 });
    // One refusal sets the whole role aside: the second member was not even tried.
    expect(discord.calls).toHaveLength(1);
    now += 1_000;
    await sync.run();
    expect(discord.calls).toHaveLength(1);
    now += 60_000;
    await sync.run();
    expect(discord.calls).toHaveLength(2);
    expect(warnings.map((w) => w.msg)).toEqual([
      "cannot manage the subscriber role: in Server Settings → Roles, give the bot's role Manage Roles and drag it above the subscriber role",
    ]);
    expect(warnings[0]?.roleId).toBe(ROLE);

    discord.forbid(false);
    now += 60_000;
    expect(await sync.run()).toMatchObject({ granted: 2 });
    expect([carol, dave].every((s) => discord.has(s.discordId))).toBe(true);
  });
});
