import type { Prisma } from "../../generated/prisma/client.ts";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { Decimal, dec } from "../platform/decimal.ts";
import { accountOnline, type ChatReach, chatReach } from "./online.ts";

export const FOLLOWERS_PAGE_SIZE = 50;
const DAY_MS = 86_400_000;
const LIVE_TRADE = ["opening", "open", "closing"] as const;

export interface FollowerAccount {
  id: string;
  exchange: string;
  label: string | null;
  status: string;
  online: boolean;
  lastContactAt: Date | null;
  lastContactError: string | null;
}

export interface FollowerRow {
  id: string;
  displayName: string | null;
  telegramId: string | null;
  discordId: string | null;
  /** The country of residence the follower declared (ISO 3166-1 alpha-2); null until they do. */
  country: string | null;
  disabled: boolean;
  chats: { telegram: ChatReach; discord: ChatReach };
  accounts: FollowerAccount[];
  /** Any of the accounts online. */
  online: boolean;
  openTrades: number;
  /**
   * Unrealised PnL of the open trades at their last reconciliation turn's marks (ExchangeAccount.unrealisedPnl,
   * kept by reconciliation from the positions it reads anyway); null when none was measured yet.
   */
  unrealised: string | null;
  /** Realised PnL of trades closed in the window, net of fees. */
  realised: { "24h": string; "7d": string };
  /** Signals that reached the follower (an execution each) and how they ended. */
  signals: { received: number; filled: number; failed: number; skipped: number; pending: number };
}

export interface FollowersPage {
  page: number;
  pageSize: number;
  hasNext: boolean;
  rows: FollowerRow[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What `q` matches: a user id, or digits as a Telegram or Discord id, exactly (unique indexes); anything else a
 * part of the name, which reads names until a page is found (a contains-match cannot use a b-tree).
 */
export function followerSearch(q: string | undefined): Prisma.UserWhereInput {
  const term = q?.trim();
  if (!term) return {};
  if (UUID.test(term)) return { id: term.toLowerCase() };
  if (/^\d{1,25}$/.test(term)) return { OR: [{ telegramId: term }, { discordId: term }] };
  return { displayName: { contains: term, mode: "insensitive" } };
}

/**
 * The copier view: one row per user, newest first, a page at a time. Every figure is read for the page's users
 * only (by their accounts' indexes), so a page costs the same with 1,000 followers or 100,000.
 */
export async function listFollowers(
  input: { page?: number; q?: string; pageSize?: number },
  deps: { db: DbClient; clock: Clock },
): Promise<FollowersPage> {
  const { db } = deps;
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const pageSize = input.pageSize ?? FOLLOWERS_PAGE_SIZE;
  const now = deps.clock.now();
  const users = await db.user.findMany({
    where: followerSearch(input.q),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize + 1,
    select: {
      id: true,
      displayName: true,
      telegramId: true,
      discordId: true,
      telegramUnreachableAt: true,
      discordUnreachableAt: true,
      disabledAt: true,
      country: true,
      accounts: {
        where: { status: { not: "removed" } },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          exchange: true,
          label: true,
          status: true,
          lastContactAt: true,
          lastContactTriedAt: true,
          lastContactError: true,
          unrealisedPnl: true,
        },
      },
    },
  });
  const hasNext = users.length > pageSize;
  const shown = users.slice(0, pageSize);
  const accountIds = shown.flatMap((u) => u.accounts.map((a) => a.id));
  const figures = await accountFigures(accountIds, now, db);
  const rows = shown.map((u): FollowerRow => {
    const ids = u.accounts.map((a) => a.id);
    const sum = (f: (id: string) => number) => ids.reduce((n, id) => n + f(id), 0);
    const money = (f: (id: string) => Decimal) => ids.reduce((n, id) => n.add(f(id)), new Decimal(0)).toFixed(2);
    const accounts = u.accounts.map((a) => ({
      id: a.id,
      exchange: a.exchange,
      label: a.label,
      status: a.status,
      online: a.status === "active" && accountOnline(a, now),
      lastContactAt: a.lastContactAt,
      lastContactError: a.lastContactError,
    }));
    const count = (status: string) => sum((id) => figures.executions.get(`${id}|${status}`) ?? 0);
    return {
      id: u.id,
      displayName: u.displayName,
      telegramId: u.telegramId,
      discordId: u.discordId,
      country: u.country,
      disabled: !!u.disabledAt,
      chats: {
        telegram: chatReach(u.telegramId, u.telegramUnreachableAt),
        discord: chatReach(u.discordId, u.discordUnreachableAt),
      },
      accounts,
      online: accounts.some((a) => a.online),
      openTrades: sum((id) => figures.open.get(id) ?? 0),
      unrealised: u.accounts.some((a) => a.unrealisedPnl !== null)
        ? u.accounts.reduce((n, a) => n.add(dec(a.unrealisedPnl ?? 0)), new Decimal(0)).toFixed(2)
        : null,
      realised: {
        "24h": money((id) => figures.realised24h.get(id) ?? dec(0)),
        "7d": money((id) => figures.realised7d.get(id) ?? dec(0)),
      },
      signals: {
        received: sum((id) => figures.received.get(id) ?? 0),
        filled: count("filled"),
        failed: count("failed"),
        skipped: count("skipped"),
        pending: count("pending") + count("placed"),
      },
    };
  });
  return { page, pageSize, hasNext, rows };
}

/** Open trades, realised PnL and execution counts of these accounts: three grouped reads over their indexes. */
async function accountFigures(accountIds: string[], now: Date, db: DbClient) {
  const open = new Map<string, number>();
  const realised24h = new Map<string, Decimal>();
  const realised7d = new Map<string, Decimal>();
  const executions = new Map<string, number>();
  const received = new Map<string, number>();
  if (!accountIds.length) return { open, realised24h, realised7d, executions, received };
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const [liveTrades, closed, byStatus] = await Promise.all([
    db.trade.groupBy({
      by: ["accountId"],
      where: { accountId: { in: accountIds }, status: { in: [...LIVE_TRADE] } },
      _count: { _all: true },
    }),
    db.trade.findMany({
      where: { accountId: { in: accountIds }, status: "closed", closedAt: { gte: weekAgo } },
      select: { accountId: true, realisedPnl: true, fees: true, closedAt: true },
    }),
    db.execution.groupBy({
      by: ["accountId", "status"],
      where: { accountId: { in: accountIds } },
      _count: { _all: true },
    }),
  ]);
  for (const t of liveTrades) open.set(t.accountId, t._count._all);
  for (const t of closed) {
    const net = dec(t.realisedPnl).sub(dec(t.fees));
    realised7d.set(t.accountId, (realised7d.get(t.accountId) ?? dec(0)).add(net));
    if (t.closedAt && t.closedAt >= dayAgo)
      realised24h.set(t.accountId, (realised24h.get(t.accountId) ?? dec(0)).add(net));
  }
  for (const e of byStatus) {
    executions.set(`${e.accountId}|${e.status}`, e._count._all);
    received.set(e.accountId, (received.get(e.accountId) ?? 0) + e._count._all);
  }
  return { open, realised24h, realised7d, executions, received };
}
