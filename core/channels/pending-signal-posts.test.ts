import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { pendingSignalPosts } from "./pending-signal-posts.ts";
import { claimSignalPost, recordSignalPost, recordSignalPostFailure, signalPostNonce } from "./record-signal-post.ts";

const GUILD = "300000000000000001";
let channelSeq = 410000000000000000n;

describe("the publish outbox", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let now: Date;
  const deps = () => ({ db: testDb.db.prisma, clock: { now: () => now } });
  const db = () => testDb.db.prisma;

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  /** A strategy published in a fresh channel bound a minute ago. */
  async function published(boundAgoMs = 60_000) {
    now = new Date();
    const slug = `pub-${crypto.randomUUID().slice(0, 8)}`;
    const strategy = await db().strategy.create({ data: { name: "Pub", slug, passphraseHash: "x" } });
    const channelId = String(++channelSeq);
    await db().channelBinding.create({
      data: {
        kind: "publish",
        guildId: GUILD,
        channelId,
        strategyId: strategy.id,
        boundBy: "1",
        createdAt: new Date(now.getTime() - boundAgoMs),
      },
    });
    const signal = (data: { receivedAt?: Date; dedupeKey?: string; [k: string]: unknown } = {}) =>
      db().signal.create({
        data: {
          strategyId: strategy.id,
          dedupeKey: crypto.randomUUID(),
          bodyHash: "h",
          action: "long",
          rawSymbol: "BINANCE:BTCUSDT.P",
          symbol: "BTC/USDT:USDT",
          receivedAt: now,
          ...data,
        },
      });
    const mine = async () => (await pendingSignalPosts({}, deps())).filter((p) => p.channelId === channelId);
    return { strategy, channelId, signal, mine };
  }

  it("lists a new signal with its embed's data: absolute levels, else percents; the provider's id", async () => {
    const { strategy, channelId, signal, mine } = await published();
    const sentAt = new Date(now.getTime() - 2_000);
    const s = await signal({
      dedupeKey: "id:tc-42",
      price: "62000",
      slPrice: "61000",
      tpPerc: "3",
      leverage: 5,
      qty: "0.01",
      sentAt,
      trailing: { mode: "breakeven" },
      entries: [{ price: "61800", sizePerc: "100" }],
      entryExpirySec: 600,
    });
    expect(await mine()).toEqual([
      {
        signalId: s.id,
        channelId,
        guildId: GUILD,
        strategy: { id: strategy.id, slug: strategy.slug, name: "Pub" },
        symbol: "BTC/USDT:USDT",
        rawSymbol: "BINANCE:BTCUSDT.P",
        action: "long",
        price: "62000",
        takeProfit: { perc: "3" },
        stopLoss: { price: "61000" },
        leverage: 5,
        qty: "0.01",
        displayId: "tc-42",
        receivedAt: now,
        sentAt,
        takeProfits: null,
        trailing: { mode: "breakeven" },
        entries: [{ price: "61800", sizePerc: "100" }],
        entryExpirySec: 600,
        dca: null,
        maxSlippagePerc: null,
      },
    ]);
    const webhookOne = await signal({ dedupeKey: "body:abc:1", receivedAt: new Date(now.getTime() + 1) });
    expect((await mine()).map((p) => p.displayId)).toEqual(["tc-42", webhookOne.id]);
    const busy = await pendingSignalPosts({ excludeChannelIds: [channelId] }, deps());
    expect(busy.filter((p) => p.channelId === channelId)).toEqual([]);
  });

  it("skips what came before the binding or is older than an hour", async () => {
    const { signal, mine } = await published();
    await signal({ receivedAt: new Date(now.getTime() - 61_000) });
    expect(await mine()).toEqual([]);
    const longAgo = await published(3 * 3600_000);
    await longAgo.signal({ receivedAt: new Date(now.getTime() - 3601_000) });
    const recent = await longAgo.signal({ receivedAt: new Date(now.getTime() - 3599_000) });
    expect((await longAgo.mine()).map((p) => p.signalId)).toEqual([recent.id]);
  });

  it("claims a post once, lists it no more, and marks it with its message", async () => {
    const { channelId, signal, mine } = await published();
    const s = await signal();
    const key = { signalId: s.id, channelId };
    const claims = await Promise.all([claimSignalPost(key, deps()), claimSignalPost(key, deps())]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await mine()).toEqual([]);
    await recordSignalPost({ ...key, messageId: "m1" }, deps());
    const row = await db().signalPost.findUniqueOrThrow({ where: { signalId_channelId: key } });
    expect(row).toMatchObject({ messageId: "m1", error: null });
    now = new Date(now.getTime() + 120_000);
    expect(await claimSignalPost(key, deps())).toBe(false);
  });

  it("takes over a claim abandoned past its lease, never a failed one", async () => {
    const { channelId, signal, mine } = await published();
    const [abandoned, failed] = [await signal(), await signal({ receivedAt: new Date(now.getTime() + 1) })];
    for (const s of [abandoned, failed])
      expect(await claimSignalPost({ signalId: s.id, channelId }, deps())).toBe(true);
    await recordSignalPostFailure({ signalId: failed.id, channelId, error: "Missing Access" }, deps());
    now = new Date(now.getTime() + 61_000);
    expect((await mine()).map((p) => p.signalId)).toEqual([abandoned.id]);
    expect(await claimSignalPost({ signalId: abandoned.id, channelId }, deps())).toBe(true);
    expect(await claimSignalPost({ signalId: failed.id, channelId }, deps())).toBe(false);
  });

  it("gives each post a nonce Discord accepts, the same every time", () => {
    const nonce = signalPostNonce({ signalId: "s", channelId: "c" });
    expect(nonce).toHaveLength(25);
    expect(signalPostNonce({ signalId: "s", channelId: "c" })).toBe(nonce);
    expect(signalPostNonce({ signalId: "s", channelId: "d" })).not.toBe(nonce);
  });
});
