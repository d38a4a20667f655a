import type { LeaderboardView } from "../../../core/community/leaderboard/show-leaderboard.ts";
import { toAppError } from "../../../core/platform/errors.ts";
import type { LeaderboardCard } from "../leaderboard-card/render-leaderboard-card.ts";
import { errorText } from "./error-text.ts";
import type { T } from "./translator.ts";

/** A return on equity (a ratio, "0.1234") as the card shows it: "+12.34%". */
export const roeText = (roe: string | null) => {
  if (roe === null) return "—";
  const perc = Number(roe) * 100;
  return `${perc >= 0 ? "+" : ""}${perc.toFixed(2)}%`;
};

/** The /leaderboard card in the asker's words: the top 10 and the asker's own line. */
export function leaderboardCard(view: LeaderboardView, t: T): LeaderboardCard {
  const { me } = view;
  const footer = !me.joined
    ? t("leaderboard-you-not-joined")
    : me.rank !== null
      ? t("leaderboard-you-ranked", { rank: me.rank, ranked: view.ranked, roe: roeText(me.roe) })
      : t("leaderboard-you-unranked", { trades: me.trades, min: view.minTrades });
  return {
    title: t("leaderboard-card-title", { window: view.window }),
    subtitle: t("leaderboard-card-subtitle", { ranked: view.ranked, min: view.minTrades }),
    rows: view.top.map((r) => ({
      rank: r.rank,
      name: r.nickname,
      roe: roeText(r.roe),
      detail: t("leaderboard-card-trades", { trades: r.trades }),
      positive: Number(r.roe) >= 0,
      mine: me.rank === r.rank,
    })),
    empty: t("leaderboard-card-empty"),
    footer,
    at: view.at,
  };
}

/** The caption under the card: the same standing in text, for those who read captions (and screen readers). */
export function leaderboardCaption(view: LeaderboardView, t: T): string {
  return leaderboardCard(view, t).footer;
}

// Refusals of the leaderboard and tournaments that have their own words (core's details.reason).
const REASONS: Record<string, string> = {
  nickname_taken: "leaderboard-nickname-taken",
  tournament_started: "tournament-started",
  no_tournament: "tournament-none-open",
};

/** A community refusal in the asker's language; anything else as every other error. */
export function communityErrorText(err: unknown, t: T): string {
  const e = toAppError(err);
  const key = typeof e.details?.reason === "string" ? REASONS[e.details.reason] : undefined;
  if (key) return t(key, { nickname: String(e.details?.nickname ?? ""), name: String(e.details?.tournament ?? "") });
  if (e.code === "BAD_REQUEST" && /nickname|body/.test(String(e.details?.field ?? "body"))) {
    return t("leaderboard-nickname-rules");
  }
  return errorText(err, t);
}
