import type { Position as CcxtPosition } from "ccxt";
import { Decimal } from "../platform/decimal.ts";
import type { Position } from "./exchange.ts";
import { decOf } from "./map-ccxt-market.ts";

/** Open positions only; contracts are always positive with the direction in `side`. */
export function toPositions(positions: CcxtPosition[]): Position[] {
  const result: Position[] = [];
  for (const p of positions) {
    const contracts = decOf(p.contracts)?.abs() ?? new Decimal(0);
    if (!p.symbol || contracts.isZero() || (p.side !== "long" && p.side !== "short")) continue;
    result.push({
      symbol: p.symbol,
      side: p.side,
      contracts,
      entryPrice: decOf(p.entryPrice) ?? new Decimal(0),
      markPrice: decOf(p.markPrice),
      unrealizedPnl: decOf(p.unrealizedPnl),
      leverage: typeof p.leverage === "number" && Number.isFinite(p.leverage) ? p.leverage : undefined,
    });
  }
  return result;
}
