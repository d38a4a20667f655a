import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { AppError } from "../platform/errors.ts";
import { silentLogger } from "../platform/logger.ts";
import type { PendingSignalPost } from "./pending-signal-posts.ts";
import { signalPostNonce } from "./record-signal-post.ts";
import { createSignalPublisher } from "./signal-publisher.ts";

let channelSeq = 420000000000000000n;

describe("createSignalPublisher", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  const db = () => testDb.db.prisma;
  const clock = { now: () => new Date() };

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  /** A strategy published in `channels` fresh channels, with `n` new signals. */
  async function published(channels: number, n: number) {
    const slug = `pub-${crypto.randomUUID().slice(0, 8)}`;
    const strategy = await db().strategy.create({ data: { name: "Pub", slug, passphraseHash: "x" } });
    const bound = new Date(Date.now() - 60_000);
    const channelIds = Array.from({ length: channels }, () => String(++channelSeq));
    for (const channelId of channelIds) {
      await db().channelBinding.create({
        data: { kind: "publish", guildId: "3", channelId, strategyId: strategy.id, boundBy: "1", createdAt: bound },
      });
    }
    const signals = [];
    for (let i = 0; i < n; i++) {
      signals.push(
        await db().signal.create({
          data: {
            strategyId: strategy.id,
            dedupeKey: `id:${slug}-${i}`,
            bodyHash: "h",
            action: "short",
            rawSymbol: "ETHUSDT",
            symbol: "ETH/USDT:USDT",
            receivedAt: new Date(Date.now() - 1_000 + i),
          },
        }),
      );
    }
    const posts = (channelId: string) =>
      db().signalPost.findMany({ where: { channelId }, orderBy: { signal: { receivedAt: "asc" } } });
    return { channelIds, signals, posts };
  }

  it("posts every signal once per channel, in order, even with two publishers ticking together", async () => {
    const { channelIds, signals, posts } = await published(2, 3);
    const sent: { signalId: string; channelId: string; nonce: string }[] = [];
    const send = async (p: PendingSignalPost, { nonce }: { nonce: string }) => {
      sent.push({ signalId: p.signalId, channelId: p.channelId, nonce });
      return `m-${sent.length}`;
    };
    const a = createSignalPublisher({ db: db(), clock, logger: silentLogger, send });
    const b = createSignalPublisher({ db: db(), clock, logger: silentLogger, send });
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.drain(), b.drain()]);
    await a.tick();
    await a.drain();
    for (const channelId of channelIds) {
      const mine = sent.filter((s) => s.channelId === channelId);
      expect(mine.map((s) => s.signalId)).toEqual(signals.map((s) => s.id));
      expect(mine.every((s) => s.nonce === signalPostNonce({ signalId: s.signalId, channelId }))).toBe(true);
      expect((await posts(channelId)).every((p) => p.messageId?.startsWith("m-") && p.error === null)).toBe(true);
    }
  });

  it("retries a failed send with the same nonce, then records the failure and moves on", async () => {
    const { channelIds, signals, posts } = await published(1, 2);
    const [channelId] = channelIds as [string];
    const nonces: string[] = [];
    const slept: number[] = [];
    const send = async (p: PendingSignalPost, { nonce }: { nonce: string }) => {
      if (p.signalId === signals[0]?.id) {
        nonces.push(nonce);
        throw new Error("503 Service Unavailable");
      }
      return "m-ok";
    };
    const publisher = createSignalPublisher({
      db: db(),
      clock,
      logger: silentLogger,
      send,
      sleep: async (ms) => void slept.push(ms),
    });
    await publisher.tick();
    await publisher.drain();
    expect(new Set(nonces).size).toBe(1);
    expect(slept).toEqual([1_000, 3_000]);
    const [failed, ok] = await posts(channelId);
    expect(failed).toMatchObject({ messageId: null, error: "503 Service Unavailable" });
    expect(ok).toMatchObject({ messageId: "m-ok", error: null });
    await publisher.tick();
    await publisher.drain();
    expect(nonces).toHaveLength(3);
  });

  it("gives up at once on a refusal that will not change", async () => {
    const { channelIds, posts } = await published(1, 1);
    let calls = 0;
    const send = async () => {
      calls += 1;
      throw new AppError("FORBIDDEN", "Missing Access");
    };
    const publisher = createSignalPublisher({ db: db(), clock, logger: silentLogger, send });
    await publisher.tick();
    await publisher.drain();
    expect(calls).toBe(1);
    expect(await posts(channelIds[0] as string)).toMatchObject([{ error: "Missing Access" }]);
  });
});
