import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { DecimalLike } from "../platform/decimal.ts";
import { type DcaSpec, storedDca, storedEntries, type ZoneEntry } from "../signals/entry-plan.ts";
import { storedTakeProfits, storedTrailing, type TakeProfitTarget, type TrailingSpec } from "../signals/trade-plan.ts";

/** A level as the embed shows it: the signal's own price, or its distance in percent when it has only that. */
export type PostedLevel = { price: string } | { perc: string };

/** One signal to post in one publish channel, with everything its embed shows. Decimals are strings. */
export interface PendingSignalPost {
  signalId: string;
  channelId: string;
  guildId: string;
  strategy: { id: string; slug: string; name: string };
  /** Unified ("BTC/USDT:USDT"), and as the sender wrote it ("BINANCE:BTCUSDT.P"). */
  symbol: string;
  rawSymbol: string;
  action: "long" | "short" | "close";
  /** The sender's reference price. */
  price: string | null;
  takeProfit: PostedLevel | null;
  stopLoss: PostedLevel | null;
  leverage: number | null;
  qty: string | null;
  /** The provider's own id when the signal carried one (webhook `id`, message `signal_id`), else Mimic's. */
  displayId: string;
  receivedAt: Date;
  /** The provider's own time, when it gave one. */
  sentAt: Date | null;
  /** The rest of the provider's plan, when it gave one (core/signals/trade-plan.ts, entry-plan.ts). */
  takeProfits: TakeProfitTarget[] | null;
  trailing: TrailingSpec | null;
  entries: ZoneEntry[] | null;
  entryExpirySec: number | null;
  dca: DcaSpec | null;
  maxSlippagePerc: string | null;
}

/** Signals older than this when first seen are history, not news (a bot that was down a day posts nothing old). */
export const POST_MAX_AGE_MS = 60 * 60_000;
/** A claim not finished in this long is taken to be abandoned (the process died): the signal is pending again. */
export const POST_CLAIM_LEASE_MS = 60_000;

interface Row {
  signalId: string;
  channelId: string;
  guildId: string;
  strategyId: string;
  slug: string;
  name: string;
  symbol: string;
  rawSymbol: string;
  action: "long" | "short" | "close";
  price: DecimalLike | null;
  tpPrice: DecimalLike | null;
  slPrice: DecimalLike | null;
  tpPerc: DecimalLike | null;
  slPerc: DecimalLike | null;
  leverage: number | null;
  qty: DecimalLike | null;
  dedupeKey: string;
  receivedAt: Date;
  sentAt: Date | null;
  takeProfits: unknown;
  trailing: unknown;
  entries: unknown;
  entryExpirySec: number | null;
  dca: unknown;
  maxSlippagePerc: DecimalLike | null;
}

/**
 * The publish outbox: recent signals of strategies with publish bindings that are not posted in that channel
 * yet: no SignalPost row, or a claim abandoned for longer than the lease. Only signals received after the
 * channel was bound, and within `POST_MAX_AGE_MS`; oldest first. One statement, cheap enough to run every
 * 250 ms: recent signals come from the (status, receivedAt) index, bindings are few, and each pair's post is a
 * primary-key probe.
 */
export async function pendingSignalPosts(
  input: {
    limit?: number;
    /** Channels the caller is still posting in: left out, so a backlog there cannot crowd the others out. */
    excludeChannelIds?: readonly string[];
  },
  deps: { db: DbClient; clock: Clock },
): Promise<PendingSignalPost[]> {
  const now = deps.clock.now().getTime();
  const since = new Date(now - POST_MAX_AGE_MS);
  const abandoned = new Date(now - POST_CLAIM_LEASE_MS);
  const exclude = [...(input.excludeChannelIds ?? [])];
  const rows = await deps.db.$queryRaw<Row[]>`
    SELECT s."id" AS "signalId", b."channelId", b."guildId", st."id" AS "strategyId", st."slug", st."name",
      s."symbol", s."rawSymbol", s."action"::text AS "action", s."price", s."tpPrice", s."slPrice", s."tpPerc",
      s."slPerc", s."leverage", s."qty", s."dedupeKey", s."receivedAt", s."sentAt", s."takeProfits", s."trailing",
      s."entries", s."entryExpirySec", s."dca", s."maxSlippagePerc"
    FROM "Signal" s
    JOIN "ChannelBinding" b ON b."strategyId" = s."strategyId" AND b."kind" = 'publish'
      AND s."receivedAt" >= b."createdAt"
    JOIN "Strategy" st ON st."id" = s."strategyId"
    LEFT JOIN "SignalPost" p ON p."signalId" = s."id" AND p."channelId" = b."channelId"
    WHERE s."status" IN ('received', 'dispatched') AND s."receivedAt" >= ${since}
      AND NOT (b."channelId" = ANY(${exclude}::text[]))
      AND (p."signalId" IS NULL OR (p."messageId" IS NULL AND p."error" IS NULL AND p."postedAt" < ${abandoned}))
    ORDER BY s."receivedAt", s."id", b."channelId"
    LIMIT ${input.limit ?? 100}`;
  return rows.map(toPost);
}

function toPost(r: Row): PendingSignalPost {
  const str = (v: DecimalLike | null) => (v === null ? null : v.toString());
  const level = (price: DecimalLike | null, perc: DecimalLike | null): PostedLevel | null =>
    price !== null ? { price: price.toString() } : perc !== null ? { perc: perc.toString() } : null;
  return {
    signalId: r.signalId,
    channelId: r.channelId,
    guildId: r.guildId,
    strategy: { id: r.strategyId, slug: r.slug, name: r.name },
    symbol: r.symbol,
    rawSymbol: r.rawSymbol,
    action: r.action,
    price: str(r.price),
    takeProfit: level(r.tpPrice, r.tpPerc),
    stopLoss: level(r.slPrice, r.slPerc),
    leverage: r.leverage,
    qty: str(r.qty),
    displayId: r.dedupeKey.startsWith("id:") ? r.dedupeKey.slice(3) : r.signalId,
    receivedAt: r.receivedAt,
    sentAt: r.sentAt,
    takeProfits: storedTakeProfits(r.takeProfits),
    trailing: storedTrailing(r.trailing),
    entries: storedEntries(r.entries),
    entryExpirySec: r.entryExpirySec,
    dca: storedDca(r.dca),
    maxSlippagePerc: str(r.maxSlippagePerc),
  };
}
