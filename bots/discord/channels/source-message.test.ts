import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindChannel } from "../../../core/channels/bind-channel.ts";
import type { DbClient } from "../../../core/platform/db-client.ts";
import { silentLogger } from "../../../core/platform/logger.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createRecordingQueue } from "../../../test/recording-queue.ts";
import { createTranslator } from "../../shared/wording/translator.ts";
import { createSourceChannels, type SourceChannels } from "./source-channels.ts";
import { handleSourceMessage, type SourceMessage } from "./source-message.ts";

const OWNER = "100000000000000001";
const POSTER = "200000000000000001";
const WEBHOOK = "500000000000000001";
const GUILD = "300000000000000001";
let seq = 440000000000000000n;
const nextId = () => String(++seq);

/** A message with its reactions and replies, as the bot would leave them on Discord. */
function message(fields: { channelId: string; authorId: string; content: string; webhookId?: string; id?: string }) {
  const reactions = new Set<string>();
  const replies: string[] = [];
  const msg: SourceMessage & { reactions: Set<string>; replies: string[] } = {
    id: fields.id ?? nextId(),
    guildId: GUILD,
    webhookId: fields.webhookId ?? null,
    ...fields,
    reactions,
    replies,
    react: async (emoji) => void reactions.add(emoji),
    unreact: async (emoji) => void reactions.delete(emoji),
    reply: async (text) => void replies.push(text),
  };
  return msg;
}

const signal = (extra: object = {}) =>
  JSON.stringify({
    signal_id: "tc-1",
    timestamp: "2026-12-06T21:52:51Z",
    action: "OPEN",
    symbol: "BTCUSDT",
    side: "BUY",
    quantity: 0.01,
    entry_price: 62000,
    stop_loss: 61000,
    take_profit: 64000,
    ...extra,
  });

describe("messages in source channels", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DbClient;
  let sources: SourceChannels;
  let strategyId: string;
  let channelId: string;
  const queue = createRecordingQueue();
  const deps = () => ({
    db,
    queue,
    clock: { now: () => new Date() },
    logger: silentLogger,
    dedupeWindowSec: 30,
    sourceChannels: sources,
    t: createTranslator().forLocale("en-US"),
  });
  const signals = () => db.signal.findMany({ where: { strategyId } });

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.db.prisma;
    sources = createSourceChannels(db);
    const owner = await db.user.create({ data: { discordId: OWNER } });
    strategyId = (
      await db.strategy.create({ data: { name: "Alpha", slug: "alpha", passphraseHash: "x", ownerUserId: owner.id } })
    ).id;
    channelId = nextId();
    const bind = { kind: "source" as const, strategySlug: "alpha", guildId: GUILD, channelId };
    const actor = { discordId: OWNER, canManageGuild: true };
    await bindChannel({ ...bind, posterId: POSTER, actor }, { db, adminDiscordIds: [], sourceBindings: sources });
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it("turns the poster's JSON into a signal, ✅, and the same signal_id again (edit, repost) into nothing new", async () => {
    const first = message({ channelId, authorId: POSTER, content: signal() });
    expect(await handleSourceMessage(first, deps())).toBe("recorded");
    expect(first.reactions).toEqual(new Set(["✅"]));
    const [row] = await signals();
    expect(row).toMatchObject({ dedupeKey: "id:tc-1", action: "long", symbol: "BTC/USDT:USDT" });
    expect(queue.jobs.map((j) => j.jobId)).toContain(`fanout_${row?.id}`);

    const edited = message({ id: first.id, channelId, authorId: POSTER, content: signal({ stop_loss: 61500 }) });
    const repost = message({ channelId, authorId: POSTER, content: `\`\`\`json\n${signal()}\n\`\`\`` });
    for (const again of [edited, repost]) {
      expect(await handleSourceMessage(again, deps())).toBe("duplicate");
      expect(again.reactions).toEqual(new Set(["✅"]));
    }
    expect(await signals()).toHaveLength(1);
  });

  it("ignores everyone but the poster, and channels that are no source", async () => {
    const other = message({ channelId, authorId: "200000000000000099", content: signal({ signal_id: "x-1" }) });
    expect(await handleSourceMessage(other, deps())).toBe("ignored");
    const elsewhere = message({ channelId: nextId(), authorId: POSTER, content: signal({ signal_id: "x-2" }) });
    expect(await handleSourceMessage(elsewhere, deps())).toBe("not-source");
    const dm = { ...message({ channelId, authorId: POSTER, content: signal({ signal_id: "x-3" }) }), guildId: null };
    expect(await handleSourceMessage(dm, deps())).toBe("not-source");
    expect([...other.reactions, ...elsewhere.reactions, ...other.replies]).toEqual([]);
    expect(await db.signal.count({ where: { dedupeKey: { in: ["id:x-1", "id:x-2", "id:x-3"] } } })).toBe(0);
  });

  it("takes a webhook poster by its webhook id", async () => {
    const hookChannel = nextId();
    const bind = { kind: "source" as const, strategySlug: "alpha", guildId: GUILD, channelId: hookChannel };
    const actor = { discordId: OWNER, canManageGuild: true };
    await bindChannel({ ...bind, posterId: WEBHOOK, actor }, { db, adminDiscordIds: [], sourceBindings: sources });
    const post = message({
      channelId: hookChannel,
      authorId: WEBHOOK,
      webhookId: WEBHOOK,
      content: signal({ signal_id: "wh-1" }),
    });
    expect(await handleSourceMessage(post, deps())).toBe("recorded");
    expect(post.reactions).toEqual(new Set(["✅"]));
  });

  it("answers a malformed message with ❌ and what is wrong, records nothing; fixing it by an edit turns it ✅", async () => {
    const before = (await signals()).length;
    const bad = message({ channelId, authorId: POSTER, content: signal({ signal_id: "tc-2", stop_loss: "abc" }) });
    expect(await handleSourceMessage(bad, deps())).toBe("invalid");
    expect(bad.reactions).toEqual(new Set(["❌"]));
    expect(bad.replies).toEqual([
      "❌ Not a signal: stop_loss: must be a positive number such as 61000. Nothing was recorded. Fix the message (editing it is enough) or post it again.",
    ]);
    const chat = message({ channelId, authorId: POSTER, content: "good morning traders" });
    expect(await handleSourceMessage(chat, deps())).toBe("invalid");
    expect(chat.replies[0]).toMatch(/^❌ Not a signal: not JSON: /);
    expect(await signals()).toHaveLength(before);

    bad.content = signal({ signal_id: "tc-2" });
    expect(await handleSourceMessage(bad, deps())).toBe("recorded");
    expect(bad.reactions).toEqual(new Set(["✅"]));
    expect(await signals()).toHaveLength(before + 1);
  });

  it("marks ⚠️ what it could not record on its side, so an edit or repost can try again", async () => {
    const broken: SourceChannels = {
      find: async () => ({
        source: true,
        matches: [{ bindingId: "b", strategyId: crypto.randomUUID(), strategySlug: "gone", posterId: POSTER }],
      }),
      forget: () => {},
    };
    const msg = message({ channelId, authorId: POSTER, content: signal({ signal_id: "tc-3" }) });
    expect(await handleSourceMessage(msg, { ...deps(), sourceChannels: broken })).toBe("failed");
    expect(msg.reactions).toEqual(new Set(["⚠️"]));
    expect(msg.replies).toEqual([]);
  });
});

describe("the source channel cache", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it("reads the set of source channels once per refresh, not per message, and counts a new binding at once", async () => {
    const db = testDb.db.prisma;
    let reads = 0;
    // Counts what reaches the database, whichever part of the lookup asks.
    const counted = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== "channelBinding") return Reflect.get(target, prop, receiver);
        return new Proxy(target.channelBinding, {
          get(model, method, r) {
            const fn = Reflect.get(model, method, r);
            if (method !== "findMany" || typeof fn !== "function") return fn;
            return (...args: unknown[]) => {
              reads += 1;
              return fn.apply(model, args);
            };
          },
        });
      },
    }) as DbClient;
    let now = 0;
    const sources = createSourceChannels(counted, { refreshMs: 5_000, now: () => now });
    const unbound = nextId();
    for (let i = 0; i < 50; i++)
      expect((await sources.find({ channelId: unbound, authorId: POSTER })).source).toBe(false);
    expect(reads).toBe(1);

    const strategy = await db.strategy.create({ data: { name: "B", slug: "b", passphraseHash: "x" } });
    const bound = nextId();
    await db.channelBinding.create({
      data: {
        kind: "source",
        guildId: GUILD,
        channelId: bound,
        strategyId: strategy.id,
        posterId: POSTER,
        boundBy: OWNER,
      },
    });
    // Another process's bind is seen after the refresh...
    expect((await sources.find({ channelId: bound, authorId: POSTER })).source).toBe(false);
    now += 5_001;
    expect((await sources.find({ channelId: bound, authorId: POSTER })).matches).toHaveLength(1);
    // ...this process's at once.
    const mine = nextId();
    await db.channelBinding.create({
      data: {
        kind: "source",
        guildId: GUILD,
        channelId: mine,
        strategyId: strategy.id,
        posterId: POSTER,
        boundBy: OWNER,
      },
    });
    sources.forget(mine);
    expect((await sources.find({ channelId: mine, authorId: POSTER })).matches).toHaveLength(1);
  });
});
