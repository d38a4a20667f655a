import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { recordRoleGrant, removeRoleGrant } from "./role-grants.ts";
import { planRoleSync, type RoleChange } from "./role-sync.ts";

const GUILD = "300000000000000001";
const ROLE = "600000000000000001";

describe("planRoleSync", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let strategyId: string;
  let seq = 0;
  const db = () => testDb.db.prisma;
  const clock = { now: () => new Date() };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    strategyId = (
      await db().strategy.create({
        data: {
          name: "Roles",
          slug: "roles",
          passphraseHash: "x",
          subscriberRoleId: ROLE,
          subscriberRoleGuildId: GUILD,
        },
      })
    ).id;
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  /** A user (with a Discord identity unless `discordId: null`) subscribed with one account. */
  async function subscriber(opts: { discordId?: string | null; status?: "active" | "paused" | "ended" } = {}) {
    seq += 1;
    const discordId = opts.discordId === undefined ? `1000000000000000${String(seq).padStart(2, "0")}` : opts.discordId;
    const user = await db().user.create({ data: { discordId } });
    const account = await db().exchangeAccount.create({ data: { userId: user.id, exchange: "paper" } });
    const subscription = await db().subscription.create({
      data: {
        accountId: account.id,
        strategyId,
        sizingMode: "fixed",
        sizingValue: "10",
        status: opts.status ?? "active",
      },
    });
    return { user, account, subscription, discordId };
  }
  const change = (s: { user: { id: string }; discordId: string | null }, extra: Partial<RoleChange> = {}) => ({
    strategyId,
    userId: s.user.id,
    discordId: s.discordId as string,
    guildId: GUILD,
    roleId: ROLE,
    ...extra,
  });
  const plan = async () => planRoleSync({ db: db() });
  const mine = (changes: RoleChange[], users: { user: { id: string } }[]) =>
    changes.filter((c) => users.some((u) => u.user.id === c.userId));

  it("grants active and paused subscribers with a Discord identity, not the ended or the unlinked", async () => {
    const active = await subscriber();
    const paused = await subscriber({ status: "paused" });
    const ended = await subscriber({ status: "ended" });
    const telegramOnly = await subscriber({ discordId: null });
    const all = [active, paused, ended, telegramOnly];
    const p = await plan();
    const granted = mine(p.grant, all);
    expect(granted).toHaveLength(2);
    expect(granted).toEqual(expect.arrayContaining([change(active), change(paused)]));
    expect(mine(p.revoke, all)).toEqual([]);
  });

  it("asks nothing more once granted, and revokes when the subscription ends", async () => {
    const s = await subscriber();
    await recordRoleGrant(change(s), { db: db(), clock });
    expect(mine((await plan()).grant, [s])).toEqual([]);
    await db().subscription.update({ where: { id: s.subscription.id }, data: { status: "ended" } });
    const p = await plan();
    expect(mine(p.revoke, [s])).toEqual([change(s)]);
    expect(await removeRoleGrant(change(s), { db: db() })).toBe(true);
    expect(mine((await plan()).revoke, [s])).toEqual([]);
  });

  it("revokes when the account is removed", async () => {
    const s = await subscriber();
    await recordRoleGrant(change(s), { db: db(), clock });
    await db().exchangeAccount.update({ where: { id: s.account.id }, data: { status: "removed" } });
    expect(mine((await plan()).revoke, [s])).toEqual([change(s)]);
  });

  it("moves a grant when the strategy's role changes, and removing the old one keeps the new", async () => {
    const other = await db().strategy.create({
      data: { name: "Moved", slug: "moved", passphraseHash: "x", subscriberRoleId: ROLE, subscriberRoleGuildId: GUILD },
    });
    const user = await db().user.create({ data: { discordId: "100000000000000090" } });
    const account = await db().exchangeAccount.create({ data: { userId: user.id, exchange: "paper" } });
    await db().subscription.create({ data: { accountId: account.id, strategyId: other.id, sizingMode: "fixed" } });
    const old = {
      strategyId: other.id,
      userId: user.id,
      discordId: "100000000000000090",
      guildId: GUILD,
      roleId: ROLE,
    };
    await recordRoleGrant(old, { db: db(), clock });
    const NEW_ROLE = "600000000000000002";
    await db().strategy.update({
      where: { id: other.id },
      data: { subscriberRoleId: NEW_ROLE, subscriberRoleGuildId: null },
    });

    const unresolved = await planRoleSync({ db: db(), resolveGuild: () => null });
    expect(unresolved.unresolved).toContainEqual({ strategyId: other.id, roleId: NEW_ROLE });
    expect(unresolved.revoke.filter((r) => r.strategyId === other.id)).toEqual([old]);

    const p = await planRoleSync({ db: db(), resolveGuild: (roleId) => (roleId === NEW_ROLE ? GUILD : null) });
    const moved = { ...old, roleId: NEW_ROLE };
    expect(p.grant.filter((g) => g.strategyId === other.id)).toEqual([moved]);
    expect(p.revoke.filter((r) => r.strategyId === other.id)).toEqual([old]);
    await recordRoleGrant(moved, { db: db(), clock });
    expect(await removeRoleGrant(old, { db: db() })).toBe(false);
    const after = await planRoleSync({ db: db(), resolveGuild: () => GUILD });
    expect([...after.grant, ...after.revoke].filter((c) => c.strategyId === other.id)).toEqual([]);
  });
});
