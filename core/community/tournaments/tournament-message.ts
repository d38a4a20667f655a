import { z } from "zod";
import type { Recipient } from "../../notifications/notification-message.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { TOURNAMENT_WINNERS } from "./finish-tournaments.ts";
import { tournamentStandings } from "./tournament-standings.ts";

/** A tournament's results: to a participant (with `you`), or to a community channel (without). */
export interface TournamentResultMessage {
  kind: "tournament";
  name: string;
  prize: string | null;
  /** How many were ranked (had the minimum trades). */
  ranked: number;
  /** The winners; return on equity as a percent string with 2 decimals ("12.34"). */
  podium: { rank: number; nickname: string | null; roePerc: string }[];
  you: { rank: number | null; roePerc: string | null; trades: number; minTrades: number } | null;
}

const payload = z.object({
  tournamentId: z.string(),
  via: z.enum(["telegram", "discord"]).optional(),
  chat: z.string().optional(),
});

export const roePerc = (roe: string) => (Number(roe) * 100).toFixed(2);

/**
 * Where a tournament row goes when it names a channel: that Telegram chat or Discord channel, as a support
 * ticket goes to an admin chat (core/support/support-notifications.ts). As for an admin chat, a refusal drops the row and never
 * marks the user it hangs on as unreachable. Undefined: a participant's row, routed as any other.
 */
export function tournamentRoute(
  kind: string,
  raw: unknown,
  userId: string,
): { to: Recipient | null; adminChat: boolean } | undefined {
  if (kind !== "tournament") return undefined;
  const p = payload.safeParse(raw);
  if (!p.success || !p.data.via || !p.data.chat) return undefined;
  const { via, chat } = p.data;
  return {
    to: {
      userId,
      transport: via,
      telegramId: via === "telegram" ? chat : null,
      // The Discord notifier needs an id to send at all; it posts to `discordDmChannelId`, the channel.
      discordId: via === "discord" ? chat : null,
      discordDmChannelId: via === "discord" ? chat : null,
      locale: null,
    },
    adminChat: true,
  };
}

/** Reads the results for one outbox row; null when the tournament is gone or has no final ranks yet. */
export async function tournamentMessage(
  raw: unknown,
  userId: string,
  deps: { db: DbClient },
): Promise<TournamentResultMessage | null> {
  const p = payload.parse(raw);
  const t = await deps.db.tournament.findUnique({ where: { id: p.tournamentId } });
  if (!t?.resultsPostedAt) return null;
  const forChannel = !!p.via;
  const standings = await tournamentStandings(
    { tournamentId: t.id, minTrades: t.minTrades, final: true, limit: TOURNAMENT_WINNERS, userId },
    deps,
  );
  let you: TournamentResultMessage["you"] = null;
  if (!forChannel) {
    const entry = await deps.db.tournamentEntry.findUnique({
      where: { tournamentId_userId: { tournamentId: t.id, userId } },
    });
    you = {
      rank: standings.me?.rank ?? null,
      roePerc: standings.me ? roePerc(standings.me.roe) : null,
      trades: entry?.trades ?? 0,
      minTrades: t.minTrades,
    };
  }
  return {
    kind: "tournament",
    name: t.name,
    prize: t.prize,
    ranked: standings.ranked,
    podium: standings.top.map((s) => ({ rank: s.rank, nickname: s.nickname, roePerc: roePerc(s.roe) })),
    you,
  };
}
