import type { Prisma } from "../../generated/prisma/client.ts";
import type { DbClient } from "../platform/db-client.ts";

export const SIGNALS_PAGE_SIZE = 50;

export interface SignalFilters {
  strategyId?: string;
  action?: "long" | "short" | "close";
  symbol?: string;
  status?: "received" | "dispatched";
}

/**
 * Signals newest first, filtered, a page at a time (receivedAt indexes, with or without the strategy). Execution
 * counts are on the signal's own page: here they would cost every follower of every signal shown.
 */
export async function listAdminSignals(
  input: SignalFilters & { page?: number },
  deps: { db: DbClient },
): Promise<{ page: number; hasNext: boolean; rows: AdminSignalRow[] }> {
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const where: Prisma.SignalWhereInput = {
    strategyId: input.strategyId,
    action: input.action,
    status: input.status,
    symbol: input.symbol ? { contains: input.symbol.toUpperCase() } : undefined,
  };
  const rows = await deps.db.signal.findMany({
    where,
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * SIGNALS_PAGE_SIZE,
    take: SIGNALS_PAGE_SIZE + 1,
    select: {
      id: true,
      action: true,
      symbol: true,
      rawSymbol: true,
      status: true,
      receivedAt: true,
      price: true,
      strategy: { select: { id: true, name: true, slug: true } },
    },
  });
  return {
    page,
    hasNext: rows.length > SIGNALS_PAGE_SIZE,
    rows: rows.slice(0, SIGNALS_PAGE_SIZE).map((s) => ({ ...s, price: s.price?.toString() ?? null })),
  };
}

export interface AdminSignalRow {
  id: string;
  action: string;
  symbol: string;
  rawSymbol: string;
  status: string;
  receivedAt: Date;
  price: string | null;
  strategy: { id: string; name: string; slug: string };
}
