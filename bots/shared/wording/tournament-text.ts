import type { TournamentView } from "../../../core/community/tournaments/show-tournament.ts";
import type { TournamentResultMessage } from "../../../core/community/tournaments/tournament-message.ts";
import { utcMinute } from "./format.ts";
import { roeText } from "./leaderboard-text.ts";
import type { T } from "./translator.ts";

const name = (nickname: string | null, t: T) => nickname ?? t("tournament-anonymous");

/** /tournament in text: the tournament, its top 10 and the asker's place. */
export function tournamentText(view: TournamentView | null, t: T): string {
  if (!view) return t("tournament-none");
  const tr = view.tournament;
  const lines = [
    t("tournament-header", {
      name: tr.name,
      status: view.status,
      start: utcMinute(tr.startsAt),
      end: utcMinute(tr.endsAt),
      participants: view.participants,
      min: tr.minTrades,
    }),
  ];
  if (tr.prize) lines.push(t("tournament-prize", { prize: tr.prize }));
  lines.push("");
  if (view.top.length) {
    for (const s of view.top) {
      lines.push(
        t("tournament-line", { rank: s.rank, name: name(s.nickname, t), roe: roeText(s.roe), trades: s.trades }),
      );
    }
  } else lines.push(t("tournament-nobody-ranked"));
  lines.push("");
  if (!view.joined) lines.push(t(view.status === "upcoming" ? "tournament-you-can-join" : "tournament-you-not-joined"));
  else if (view.me) lines.push(t("tournament-you-ranked", { rank: view.me.rank, roe: roeText(view.me.roe) }));
  else lines.push(t("tournament-you-unranked", { trades: view.myTrades, min: tr.minTrades }));
  return lines.join("\n");
}

/** The results, as sent to each participant and posted in the community channels. */
export function tournamentResultText(m: TournamentResultMessage, t: T): string {
  const lines = [t("tournament-result-title", { name: m.name, ranked: m.ranked })];
  for (const p of m.podium) {
    lines.push(t("tournament-line-final", { rank: p.rank, name: name(p.nickname, t), roe: `${p.roePerc}%` }));
  }
  if (!m.podium.length) lines.push(t("tournament-nobody-ranked"));
  if (m.prize) lines.push(t("tournament-prize", { prize: m.prize }));
  if (m.you) {
    lines.push(
      m.you.rank !== null
        ? t("tournament-result-you", { rank: m.you.rank, roe: `${m.you.roePerc}%` })
        : t("tournament-you-unranked", { trades: m.you.trades, min: m.you.minTrades }),
    );
  }
  return lines.join("\n");
}
