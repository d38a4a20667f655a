import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awardAchievement } from "../../../core/community/award-achievement.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";
import { achievementsCommand } from "./achievements.ts";
import { meCommand } from "./me.ts";

describe("discord /me and /achievements", () => {
  let kit: HandlerKit;
  beforeAll(async () => {
    kit = await createHandlerKit();
  });
  afterAll(() => kit?.drop());

  it("/me shows the level, XP to the next level, the rank and what was earned", async () => {
    const me = await kit.caller("700");
    expect((await kit.command(meCommand, me)).lastView()?.embeds?.[0]).toEqual({
      title: "Your progress",
      description: [
        "Level: Bronze · 0 XP",
        "500 XP to Silver",
        "Not on the leaderboard: /leaderboard join <nickname> to appear.",
        "No achievements yet: /achievements lists them all.",
        "XP: +10 per copied trade closed, +15 more in profit, +5 per day with an active subscription, +100 when someone you invited copies their first trade on a live account.",
      ].join("\n"),
      tone: "info",
    });

    const today = new Date(new Date().toISOString().slice(0, 10));
    await kit.db.user.update({
      where: { id: me.userId },
      data: { xp: 2_600, level: 2, nickname: "ana", leaderboardJoinedAt: new Date() },
    });
    await kit.db.dailyReturn.create({ data: { userId: me.userId, day: today, pnl: "10", margin: "100", trades: 5 } });
    await awardAchievement({ userId: me.userId, code: "first_trade" }, kit.deps);
    await awardAchievement({ userId: me.userId, code: "two_factor" }, kit.deps);
    const lines = (await kit.command(meCommand, me)).lastView()?.embeds?.[0]?.description?.split("\n");
    expect(lines?.slice(0, 4)).toEqual([
      "Level: Gold · 2,600 XP",
      "7,400 XP to Platinum",
      "Rank #1 of 1 on the 30d leaderboard",
      "Achievements (2/11): First copy, Locked down",
    ]);
  });

  it("/achievements lists the whole catalogue, earned or not, in the user's language", async () => {
    const me = await kit.caller("701", { locale: "es-ES" });
    await awardAchievement({ userId: me.userId, code: "first_trade" }, kit.deps);
    const embed = (await kit.command(achievementsCommand, me)).lastView()?.embeds?.[0];
    expect(embed?.title).toBe("Logros (1/11)");
    const lines = embed?.description?.split("\n") ?? [];
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/^✅ Primera copia: se cerró tu primera operación copiada \(\d{4}-\d{2}-\d{2}\)$/);
    expect(lines[1]).toBe("▫️ Diez operaciones: 10 operaciones copiadas cerradas");
  });
});
