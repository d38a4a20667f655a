import { GrammyError, HttpError } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../core/platform/logger.ts";
import { createTestDatabase } from "../../test/db.ts";
import type { BotMessage } from "../../test/fake-telegram/fake-telegram-state.ts";
import { type FakeTelegram, startFakeTelegram } from "../../test/fake-telegram/start-fake-telegram.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { telegramBotDeps } from "../../test/telegram-bot-deps.ts";
import { FLOW_TTL_MS } from "./session/session-data.ts";
import { type RunningTelegram, startTelegram } from "./start-telegram.ts";
import { sweepExpiredFlows } from "./sweep-expired-flows.ts";

describe("the sweep of expired /2fa setup pictures", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let now = Date.parse("2026-12-06T12:00:00Z");
  const clock = { now: () => new Date(now) };
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(() => testDb?.drop());
  const db = () => testDb.db.prisma;
  const deps = () => ({ db: db(), clock, logger: silentLogger });

  /** An api that records what it deleted and answers as `answer` says. */
  const recordedApi = (answer: (chatId: number, messageId: number) => Promise<void> = async () => undefined) => {
    const deleted: [number, number][] = [];
    return {
      deleted,
      deleteMessage: async (chatId: number | string, messageId: number) => {
        deleted.push([Number(chatId), messageId]);
        await answer(Number(chatId), messageId);
        return true as const;
      },
    };
  };
  const session = (key: number, flow?: Record<string, string | number>) =>
    db().botSession.create({ data: { key: String(key), value: flow ? { flow } : {} } });
  const flowOf = async (key: number) =>
    ((await db().botSession.findUnique({ where: { key: String(key) } }))?.value as { flow?: unknown } | undefined)
      ?.flow;
  const expired = now - FLOW_TTL_MS - 1;

  it("deletes the picture of every expired setup, and keeps the flow so the next message hears it expired", async () => {
    await session(9001, { kind: "2fa-confirm", qrMessageId: 11, startedAt: expired });
    await session(9002, { kind: "2fa-confirm", qrMessageId: 12, startedAt: now - FLOW_TTL_MS + 60_000 });
    await session(9003, { kind: "2fa-confirm", startedAt: expired });
    await session(9004, { kind: "link", step: "key", exchange: "okx", startedAt: expired });
    await session(9005);
    await session(-1009006, { kind: "2fa-confirm", qrMessageId: 16, startedAt: expired - 3_600_000 });
    const api = recordedApi();
    expect(await sweepExpiredFlows(deps(), api)).toBe(2);
    expect(api.deleted.sort()).toEqual([
      [-1009006, 16],
      [9001, 11],
    ]);
    expect(await flowOf(9001)).toEqual({ kind: "2fa-confirm", startedAt: expired });
    // Not expired yet, no picture, another flow, no flow: untouched.
    expect(await flowOf(9002)).toMatchObject({ qrMessageId: 12 });
    expect(await flowOf(9003)).toEqual({ kind: "2fa-confirm", startedAt: expired });
    expect(await flowOf(9004)).toMatchObject({ kind: "link" });
    expect(await flowOf(9005)).toBeUndefined();

    // Nothing twice; the one left goes once it expires.
    const again = recordedApi();
    expect(await sweepExpiredFlows(deps(), again)).toBe(0);
    now += 60_001;
    expect(await sweepExpiredFlows(deps(), again)).toBe(1);
    expect(again.deleted).toEqual([[9002, 12]]);
  });

  it("leaves a session the bot changed meanwhile as the bot wrote it", async () => {
    await session(9011, { kind: "2fa-confirm", qrMessageId: 21, startedAt: now - FLOW_TTL_MS - 1 });
    // The user sends /2fa again while the sweep deletes the old picture: a new setup, with a new picture.
    const fresh = { kind: "2fa-confirm", qrMessageId: 22, startedAt: now };
    const api = recordedApi(async (chatId) => {
      await db().botSession.update({ where: { key: String(chatId) }, data: { value: { flow: fresh } } });
    });
    expect(await sweepExpiredFlows(deps(), api)).toBe(1);
    expect(api.deleted).toEqual([[9011, 21]]);
    expect(await flowOf(9011)).toEqual(fresh);
  });

  it("forgets a picture Telegram will not delete, and tries again after any other failure", async () => {
    await session(9021, { kind: "2fa-confirm", qrMessageId: 31, startedAt: now - FLOW_TTL_MS - 1 });
    await session(9022, { kind: "2fa-confirm", qrMessageId: 32, startedAt: now - FLOW_TTL_MS - 1 });
    const failing = recordedApi(async (chatId, messageId) => {
      if (chatId === 9021) {
        const err = { ok: false as const, error_code: 400, description: "Bad Request: message to delete not found" };
        throw new GrammyError("Call to 'deleteMessage' failed!", err, "deleteMessage", { messageId });
      }
      throw new HttpError("Network request for 'deleteMessage' failed!", new Error("ECONNRESET"));
    });
    expect(await sweepExpiredFlows(deps(), failing)).toBe(0);
    expect(await flowOf(9021)).not.toHaveProperty("qrMessageId");
    expect(await flowOf(9022)).toMatchObject({ qrMessageId: 32 });
    const api = recordedApi();
    expect(await sweepExpiredFlows(deps(), api)).toBe(1);
    expect(api.deleted).toEqual([[9022, 32]]);
    expect(await flowOf(9022)).not.toHaveProperty("qrMessageId");
  });

  describe("in the running bot", () => {
    let tg: FakeTelegram;
    let h: Harness;
    let bot: RunningTelegram;
    const bob = { id: 9101, first_name: "Bob" };
    beforeAll(async () => {
      tg = await startFakeTelegram();
      h = createHarness({ db: testDb.db });
      bot = await startTelegram(
        { token: tg.token, apiRoot: tg.apiRoot, pollTimeoutSec: 1, notifySweepMs: 50 },
        telegramBotDeps(h, { clock }),
      );
    });
    afterAll(async () => {
      await bot?.stop();
      await h?.close();
      await tg?.close();
    });
    const until = async (what: string, check: () => boolean | Promise<boolean>) => {
      for (let i = 0; i < 250; i++) {
        if (await check()) return;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`timed out waiting until ${what}`);
    };

    it("deletes the picture of a setup left alone, though the user never writes again", async () => {
      tg.send(bob, "/2fa");
      const picture: BotMessage = await tg.waitFor((m) => m.chatId === bob.id && m.method === "sendPhoto");
      expect(picture.caption).toMatch(/\n[A-Z2-7]{16,}\n/);
      await until("the session holds the setup", async () =>
        JSON.stringify((await flowOf(bob.id)) ?? null).includes("qrMessageId"),
      );
      // Within its ten minutes the picture stays.
      await new Promise((r) => setTimeout(r, 200));
      expect(tg.wasDeleted(bob.id, picture.messageId)).toBe(false);

      now += FLOW_TTL_MS + 60_000;
      await until("the picture is deleted", () => tg.wasDeleted(bob.id, picture.messageId));
      expect(picture.deleted).toBe(true);
      // When the user does write again, they hear the setup expired.
      const since = tg.state.botMessages.length;
      tg.send(bob, "123456");
      const answer = await tg.waitFor((m) => m.chatId === bob.id, { since });
      expect(answer.text).toMatch(/That \/2fa expired after 10 minutes/);
    });
  });
});
