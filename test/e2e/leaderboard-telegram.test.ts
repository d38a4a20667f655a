import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramNotifier } from "../../bots/telegram/notifications/telegram-notifier.ts";
import { type RunningTelegram, startTelegram } from "../../bots/telegram/start-telegram.ts";
import { finishTournaments, RESULTS_GRACE_MS } from "../../core/community/tournaments/finish-tournaments.ts";
import { createLogger, silentLogger } from "../../core/platform/logger.ts";
import { createTestDatabase } from "../db.ts";
import type { BotMessage } from "../fake-telegram/fake-telegram-state.ts";
import { type FakeTelegram, startFakeTelegram } from "../fake-telegram/start-fake-telegram.ts";
import { createHarness, type Harness } from "../harness.ts";
import { telegramBotDeps } from "../telegram-bot-deps.ts";

// The leaderboard and a tournament through the real bot against the fake Bot API: opting in, the /leaderboard
// card as a PNG, joining a tournament before its start, and its results in a community group and in the DM.
describe("telegram: leaderboard and tournament", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let tg: FakeTelegram;
  let h: Harness;
  let bot: RunningTelegram;
  let skewMs = 0;
  const clock = { now: () => new Date(Date.now() + skewMs) };
  const carol = { id: 9301, first_name: "Carol", username: "carol" };
  const group = -7301;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    tg = await startFakeTelegram();
    // The harness's worker delivers the outbox's rows on this notifier (as `npm start` does).
    const notifier = createTelegramNotifier({ token: tg.token, apiRoot: tg.apiRoot, maxRetryDelaySec: 5 });
    h = createHarness({ db: testDb.db, notifiers: [notifier] });
    bot = await startTelegram(
      { token: tg.token, apiRoot: tg.apiRoot, pollTimeoutSec: 1, notifySweepMs: 100 },
      telegramBotDeps(h, { clock, logger: process.env.DEBUG_BOT ? createLogger({ level: "debug" }) : silentLogger }),
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await h?.close();
    await tg?.close();
    await testDb?.drop();
  });

  const say = async (text: string, match: (m: BotMessage) => boolean = () => true) => {
    const since = tg.state.botMessages.length;
    tg.send(carol, text);
    return tg.waitFor((m) => m.chatId === carol.id && match(m), { since });
  };
  const text = (pattern: RegExp) => (m: BotMessage) => pattern.test(m.text ?? m.caption ?? "");

  it("answers /leaderboard with a PNG card, and posts a tournament's results once", async () => {
    const prisma = testDb.db.prisma;
    await say("/leaderboard join carol_c", text(/on the leaderboard as carol_c/));
    const carolId = (await prisma.user.findUniqueOrThrow({ where: { telegramId: String(carol.id) } })).id;
    const today = new Date(new Date().toISOString().slice(0, 10));
    await prisma.dailyReturn.create({ data: { userId: carolId, day: today, pnl: "30", margin: "200", trades: 6 } });

    const card = await say("/leaderboard", (m) => m.method === "sendPhoto");
    expect(
      Buffer.from(card.photo ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    expect(card.caption).toBe("You: #1 of 1, +15.00%");

    const { id } = await h.admin<{ id: string }>("POST", "/api/admin/tournaments", {
      name: "Fast cup",
      startsAt: new Date(Date.now() + 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      minTrades: 1,
    });
    await say("/tournament join", text(/You joined Fast cup/));
    await prisma.communityChannel.create({ data: { transport: "telegram", chatId: String(group), boundBy: "admin" } });
    // What the scoring sweep would have counted inside the window.
    await prisma.tournamentEntry.update({
      where: { tournamentId_userId: { tournamentId: id, userId: carolId } },
      data: { pnl: "5", margin: "100", trades: 2 },
    });

    skewMs = 3_600_000 + RESULTS_GRACE_MS;
    const since = tg.state.botMessages.length;
    const deps = { db: prisma, clock, logger: silentLogger };
    expect((await finishTournaments(deps)).finished).toEqual([id]);
    expect((await finishTournaments(deps)).finished).toEqual([]);
    const posted = await tg.waitFor((m) => m.chatId === group && /Fast cup is over/.test(m.text ?? ""), { since });
    expect(posted.text).toMatch(/1\. carol_c 5\.00%/);
    const dm = await tg.waitFor((m) => m.chatId === carol.id && /Fast cup is over/.test(m.text ?? ""), { since });
    expect(dm.text).toMatch(/Your final place: #1, 5\.00%/);
    await new Promise((r) => setTimeout(r, 400));
    expect(tg.state.botMessages.filter((m) => /Fast cup is over/.test(m.text ?? ""))).toHaveLength(2);
  });
});
