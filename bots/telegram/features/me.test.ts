import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awardAchievement } from "../../../core/community/award-achievement.ts";
import { recordedBot } from "../test-support/recorded-bot.ts";

// Handlers through bot.handleUpdate, every outbound API call recorded (test-support/recorded-bot.ts).
describe("telegram /me and /achievements", () => {
  const h = recordedBot();
  const { db, from, send } = h;
  beforeAll(async () => {
    await h.start();
    await send("/start");
  });
  afterAll(h.stop);

  it("/me answers with the level, the next level, the rank and the achievements", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
    await db().user.update({ where: { id: user.id }, data: { xp: 740, level: 1 } });
    await awardAchievement({ userId: user.id, code: "first_profit" }, { db: db() });
    const reply = (await send("/me")).replies.at(-1)?.split("\n");
    expect(reply?.slice(0, 5)).toEqual([
      "Your progress",
      "Level: Silver · 740 XP",
      "1,760 XP to Gold",
      "Not on the leaderboard: /leaderboard join <nickname> to appear.",
      "Achievements (1/11): First profit",
    ]);
  });

  it("/achievements lists every achievement, earned or not", async () => {
    const reply = (await send("/achievements")).replies.at(-1)?.split("\n") ?? [];
    expect(reply[0]).toBe("Achievements (1/11)");
    expect(reply).toHaveLength(12);
    expect(reply).toContain("▫️ First copy: your first copied trade closed");
    expect(reply.find((l) => l.includes("First profit"))).toMatch(/^✅ First profit: .* \(\d{4}-\d{2}-\d{2}\)$/);
  });
});
