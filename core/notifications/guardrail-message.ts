import { z } from "zod";
import type { DbClient } from "../platform/db-client.ts";
import { dec } from "../platform/decimal.ts";
import type { NotificationMessage } from "./notification-message.ts";

const payload = z.object({ accountId: z.string(), day: z.string() });

// What trip-guardrail.ts wrote in its audit row: the figures that decided it, and the trades it was to close.
const tripped = z.object({
  reason: z.enum(["daily_loss", "daily_profit"]),
  day: z.string(),
  pnl: z.string(),
  pnlPerc: z.string().nullable(),
  limitPerc: z.string().nullable(),
  trades: z.array(z.object({ symbol: z.string() })),
});

/** A tripped guardrail, told from its audit row; null when there is none for that day (nothing to say). */
export async function guardrailMessage(
  raw: unknown,
  userId: string,
  deps: { db: DbClient },
): Promise<Extract<NotificationMessage, { kind: "guardrail" }> | null> {
  const { accountId, day } = payload.parse(raw);
  const account = await deps.db.exchangeAccount.findUnique({
    where: { id: accountId },
    select: { exchange: true, label: true },
  });
  const row = await deps.db.auditLog.findFirst({
    where: { userId, accountId, action: "guardrail.tripped" },
    orderBy: { at: "desc" },
    select: { details: true },
  });
  const details = tripped.safeParse(row?.details);
  if (!account || !details.success || details.data.day !== day) return null;
  const d = details.data;
  const symbol = d.trades[0]?.symbol ?? "";
  return {
    kind: "guardrail",
    reason: d.reason,
    account: account.label ?? account.exchange,
    day,
    pnl: dec(d.pnl).toFixed(2),
    pnlPerc: d.pnlPerc ? dec(d.pnlPerc).toFixed(2) : "?",
    limitPerc: d.limitPerc ?? "?",
    quote: symbol.split(":")[1] ?? symbol.split("/")[1] ?? "USDT",
    trades: d.trades.length,
  };
}
