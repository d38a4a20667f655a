import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordedBot } from "../test-support/recorded-bot.ts";

// Handlers through bot.handleUpdate, every outbound API call recorded (test-support/recorded-bot.ts).
describe("telegram /leaderboard and /tournament", () => {
  const h = recordedBot();
  const { db, send } = h;
  beforeAll(h.start);
  afterAll(h.stop);

  it("joins, answers /leaderboard with a PNG card, and leaves", async () => {
    expect((await send("/leaderboard join ab")).replies[0]).toMatch(/^A nickname is 3 to 20 letters/);
    expect((await send("/leaderboard join Bob_the_trader")).replies).toEqual([
      "You are on the leaderboard as Bob_the_trader. Send /leaderboard leave to be taken off it.",
    ]);
    const user = await db().user.findUniqueOrThrow({ where: { telegramId: "4242" } });
    const today = new Date(new Date().toISOString().slice(0, 10));
    await db().dailyReturn.create({ data: { userId: user.id, day: today, pnl: "12.5", margin: "100", trades: 5 } });

    const { calls } = await send("/leaderboard 30d");
    const photo = calls.find((c) => c.method === "sendPhoto");
    expect(photo?.payload.caption).toBe("You: #1 of 1, +12.50%");
    expect(photo).toBeDefined();

    expect((await send("/leaderboard 90d")).replies[0]).toMatch(/^Send \/leaderboard or \/leaderboard 30d/);
    expect((await send("/leaderboard leave")).replies).toEqual([
      "You left the leaderboard and your nickname is free again.",
    ]);
  });

  it("says when there is no tournament to join", async () => {
    expect((await send("/tournament join")).replies).toEqual(["No tournament is open for joining right now."]);
    expect((await send("/tournament")).replies).toEqual(["There is no tournament yet."]);
  });
});
