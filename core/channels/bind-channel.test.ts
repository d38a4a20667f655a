import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { type AppError, isAppError } from "../platform/errors.ts";
import { bindChannel } from "./bind-channel.ts";
import { parsePosterId } from "./poster-id.ts";
import { unbindChannel } from "./unbind-channel.ts";

const OWNER = "100000000000000001";
const STRANGER = "100000000000000002";
const ADMIN = "100000000000000003";
const POSTER = "200000000000000001";
const GUILD = "300000000000000001";
let channelSeq = 400000000000000000n;
const newChannel = () => String(++channelSeq);

async function refusal(p: Promise<unknown>): Promise<[string, string]> {
  const err = await p.then(
    () => {
      throw new Error("accepted");
    },
    (e: unknown) => e,
  );
  if (!isAppError(err)) throw err;
  return [(err as AppError).code, (err as AppError).message];
}

describe("channel bindings", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let slug: string;
  const deps = () => ({ db: testDb.db.prisma, adminDiscordIds: [ADMIN] });
  const owner = { discordId: OWNER, canManageGuild: true };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const db = testDb.db.prisma;
    const provider = await db.user.create({ data: { discordId: OWNER } });
    await db.user.create({ data: { discordId: STRANGER } });
    slug = (
      await db.strategy.create({
        data: { name: "Alpha", slug: "alpha", passphraseHash: "x", ownerUserId: provider.id },
      })
    ).slug;
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it("binds a publish channel for the owner with Manage Server, and records who did", async () => {
    const channelId = newChannel();
    const { binding, created } = await bindChannel(
      { kind: "publish", strategySlug: slug, guildId: GUILD, channelId, actor: owner },
      deps(),
    );
    expect(created).toBe(true);
    expect(binding).toMatchObject({ kind: "publish", channelId, guildId: GUILD, posterId: null });
    expect(binding.strategy).toMatchObject({ slug: "alpha", name: "Alpha" });
    const audit = await testDb.db.prisma.auditLog.findFirstOrThrow({ where: { action: "channel.bound" } });
    expect(audit).toMatchObject({ actor: `discord:${OWNER}` });
  });

  it("makes a source channel from a mention, and binding again only updates its poster", async () => {
    const channelId = newChannel();
    const input = { kind: "source" as const, strategySlug: slug, guildId: GUILD, channelId, actor: owner };
    const first = await bindChannel({ ...input, posterId: `<@!${POSTER}>` }, deps());
    expect(first.binding.posterId).toBe(POSTER);
    const again = await bindChannel({ ...input, posterId: "200000000000000009" }, deps());
    expect(again).toMatchObject({ created: false, binding: { id: first.binding.id, posterId: "200000000000000009" } });
    expect(await testDb.db.prisma.channelBinding.count({ where: { channelId } })).toBe(1);
  });

  it("lets a Mimic admin bind any strategy, anywhere", async () => {
    const actor = { discordId: ADMIN, canManageGuild: false };
    const bound = bindChannel(
      { kind: "publish", strategySlug: slug, guildId: GUILD, channelId: newChannel(), actor },
      deps(),
    );
    await expect(bound).resolves.toMatchObject({ created: true });
  });

  it("refuses everyone else, with the reason", async () => {
    const base = { kind: "publish" as const, strategySlug: slug, guildId: GUILD, channelId: newChannel() };
    expect(
      await refusal(bindChannel({ ...base, actor: { discordId: STRANGER, canManageGuild: true } }, deps())),
    ).toEqual([
      "FORBIDDEN",
      "only the strategy's owner, with Manage Server in this guild, or a Mimic admin may bind its channels",
    ]);
    expect(await refusal(bindChannel({ ...base, actor: { discordId: OWNER, canManageGuild: false } }, deps()))).toEqual(
      ["FORBIDDEN", "you own this strategy but lack Manage Server in this guild"],
    );
    expect(await testDb.db.prisma.channelBinding.count({ where: { channelId: base.channelId } })).toBe(0);
  });

  it("refuses an unknown strategy and a poster that is not an id", async () => {
    const base = { guildId: GUILD, channelId: newChannel(), actor: owner };
    expect(await refusal(bindChannel({ ...base, kind: "publish", strategySlug: "nope" }, deps()))).toEqual([
      "NOT_FOUND",
      'strategy "nope" does not exist',
    ]);
    const source = { ...base, kind: "source" as const, strategySlug: slug };
    expect(await refusal(bindChannel({ ...source, posterId: "@someone" }, deps()))).toEqual([
      "BAD_REQUEST",
      "poster: must be a user id, a user mention or a webhook id",
    ]);
    expect((await refusal(bindChannel(source, deps())))[1]).toMatch(/^poster: is required/);
  });

  it("unbinds every binding of a channel for someone with Manage Server, and says how many", async () => {
    const channelId = newChannel();
    const forgotten: string[] = [];
    const sourceBindings = { forget: (id: string) => void forgotten.push(id) };
    await bindChannel({ kind: "publish", strategySlug: slug, guildId: GUILD, channelId, actor: owner }, deps());
    const source = { kind: "source" as const, strategySlug: slug, guildId: GUILD, channelId, posterId: POSTER };
    await bindChannel({ ...source, actor: owner }, { ...deps(), sourceBindings });
    expect(forgotten).toEqual([channelId]);

    const stranger = { discordId: STRANGER, canManageGuild: false };
    expect((await refusal(unbindChannel({ guildId: GUILD, channelId, actor: stranger }, deps())))[0]).toBe("FORBIDDEN");
    const manager = { discordId: STRANGER, canManageGuild: true };
    const result = await unbindChannel({ guildId: GUILD, channelId, actor: manager }, { ...deps(), sourceBindings });
    expect(result).toEqual({
      removed: 2,
      bindings: [
        { kind: "publish", strategySlug: "alpha" },
        { kind: "source", strategySlug: "alpha" },
      ],
    });
    expect(forgotten).toEqual([channelId, channelId]);
    expect(await unbindChannel({ guildId: GUILD, channelId, actor: manager }, deps())).toEqual({
      removed: 0,
      bindings: [],
    });
  });
});

describe("parsePosterId", () => {
  it("reads a raw id, <@id> and <@!id>", () => {
    expect(parsePosterId(` ${POSTER} `)).toBe(POSTER);
    expect(parsePosterId(`<@${POSTER}>`)).toBe(POSTER);
    expect(parsePosterId(`<@!${POSTER}>`)).toBe(POSTER);
  });

  it("refuses role and channel mentions, names and short numbers", () => {
    for (const raw of [`<@&${POSTER}>`, `<#${POSTER}>`, "someone", "12345"]) {
      expect(() => parsePosterId(raw)).toThrow("poster: must be a user id, a user mention or a webhook id");
    }
  });
});
