import type { CommunityMessage } from "../../../core/community/community-notifications.ts";
import type { CommunityProfile } from "../../../core/community/community-profile.ts";
import { MIN_LEADERBOARD_TRADES } from "../../../core/community/leaderboard/leaderboard-window.ts";
import { XP } from "../../../core/community/xp-rules.ts";
import type { T } from "./translator.ts";

// What both bots say about XP, levels and achievements: /me, /achievements and the two notifications.

const name = (code: string, t: T) => t("xp-achievement-name", { code });
const about = (code: string, t: T) => t("xp-achievement-about", { code });
export const levelLabel = (level: number, t: T) => t("xp-level", { level });

/** A level reached, or an achievement earned: the notification. */
export function communityNoticeText(m: CommunityMessage, t: T): string {
  if (m.kind === "achievement") return t("xp-achievement-earned", { name: name(m.code, t), about: about(m.code, t) });
  const lines = [t("xp-level-up", { level: levelLabel(m.level, t), xp: m.xp })];
  lines.push(
    m.next
      ? t("xp-level-up-next", { needed: m.next.xpNeeded, next: levelLabel(m.next.level, t) })
      : t("xp-level-up-top"),
  );
  return lines.join("\n");
}

/** /me, as a title and lines: level and XP, the next level, the rank, the achievements earned, how XP is earned. */
export function meText(p: CommunityProfile, t: T): { title: string; lines: string[] } {
  const earned = p.achievements.filter((a) => a.awardedAt);
  return {
    title: t("xp-me-title"),
    lines: [
      t("xp-me-level", { level: levelLabel(p.level, t), xp: p.xp }),
      p.next ? t("xp-me-next", { needed: p.next.xpNeeded, next: levelLabel(p.next.level, t) }) : t("xp-me-top"),
      rankLine(p, t),
      earned.length
        ? t("xp-me-achievements", {
            earned: earned.length,
            total: p.achievements.length,
            list: earned.map((a) => name(a.code, t)).join(", "),
          })
        : t("xp-me-no-achievements"),
      t("xp-me-how", { closed: XP.trade_closed, profit: XP.trade_profit, day: XP.active_day, referral: XP.referral }),
    ],
  };
}

function rankLine(p: CommunityProfile, t: T): string {
  if (!p.joined) return t("xp-me-not-joined");
  if (!p.rank) return t("xp-me-unranked", { min: MIN_LEADERBOARD_TRADES, window: "30d" });
  return t("xp-me-rank", { rank: p.rank.rank, ranked: p.rank.ranked, window: p.rank.window });
}

/** /achievements: the whole catalogue, earned ones with their date. */
export function achievementsText(p: CommunityProfile, t: T): { title: string; lines: string[] } {
  return {
    title: t("xp-achievements-title", { earned: p.earned, total: p.achievements.length }),
    lines: p.achievements.map((a) =>
      a.awardedAt
        ? t("xp-achievements-earned", {
            name: name(a.code, t),
            about: about(a.code, t),
            date: a.awardedAt.toISOString().slice(0, 10),
          })
        : t("xp-achievements-locked", { name: name(a.code, t), about: about(a.code, t) }),
    ),
  };
}
