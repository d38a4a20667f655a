import { Prisma } from "../../../generated/prisma/client.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { ensureInviteCode } from "./invite-code.ts";
import { referralLinks } from "./referral-links.ts";

export interface BannerData {
  code: string;
  /** What the QR code and the text point at: the short link, else the Telegram deep link; null: neither known. */
  link: string | null;
  level: number;
  /** Only for users on the leaderboard (a nickname): their best calendar month (UTC) by return on margin. */
  bestMonth: { nickname: string; month: string; returnPerc: string } | null;
}

/** What /banner draws. Performance is shown only for someone who chose to show it on the leaderboard. */
export async function bannerData(
  input: { userId: string; botUsername?: string | null },
  deps: { db: DbClient; referrals?: { publicUrl?: string } },
): Promise<BannerData> {
  const { db } = deps;
  const code = await ensureInviteCode({ userId: input.userId }, deps);
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { level: true, nickname: true, leaderboardJoinedAt: true },
  });
  const links = referralLinks({ code, botUsername: input.botUsername, publicUrl: deps.referrals?.publicUrl });
  let bestMonth: BannerData["bestMonth"] = null;
  if (user.nickname && user.leaderboardJoinedAt) {
    const rows = await db.$queryRaw<{ month: Date; pnl: Prisma.Decimal; margin: Prisma.Decimal }[]>`
      SELECT date_trunc('month', "day")::date AS "month", SUM("pnl") AS "pnl", SUM("margin") AS "margin"
      FROM "DailyReturn" WHERE "userId" = ${input.userId}
      GROUP BY 1 HAVING SUM("margin") > 0
      ORDER BY SUM("pnl") / SUM("margin") DESC LIMIT 1`;
    const best = rows[0];
    if (best) {
      const perc = new Prisma.Decimal(best.pnl).div(best.margin).mul(100);
      bestMonth = {
        nickname: user.nickname,
        month: new Date(best.month).toISOString().slice(0, 7),
        returnPerc: `${perc.gte(0) ? "+" : ""}${perc.toFixed(2)}%`,
      };
    }
  }
  return { code, link: links.short ?? links.telegram, level: user.level, bestMonth };
}
