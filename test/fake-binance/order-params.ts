import { Decimal } from "../../core/platform/decimal.ts";
import { binanceErrors } from "./binance-error.ts";
import type { FakeBinanceState, Side } from "./state.ts";
import type { SymbolSpec } from "./symbols.ts";

export type Params = Record<string, string>;

const CLIENT_ID = /^[.A-Z:/a-z0-9_-]{1,36}$/;

export function requireParam(p: Params, name: string): string {
  const v = p[name];
  if (v === undefined || v === "") throw binanceErrors.missingParam(name);
  return v;
}

export function requireSymbol(state: FakeBinanceState, p: Params): SymbolSpec {
  const spec = state.symbols.get(requireParam(p, "symbol"));
  if (!spec) throw binanceErrors.badSymbol();
  return spec;
}

export function parseSide(p: Params): Side {
  const side = requireParam(p, "side");
  if (side !== "BUY" && side !== "SELL") throw binanceErrors.badParam("side");
  return side;
}

export function parseDecimal(p: Params, name: string): Decimal {
  const raw = requireParam(p, name);
  try {
    return new Decimal(raw);
  } catch {
    throw binanceErrors.badParam(name);
  }
}

/** Quantity must be positive and on the LOT_SIZE step. */
export function parseQuantity(p: Params, spec: SymbolSpec): Decimal {
  const qty = parseDecimal(p, "quantity");
  if (qty.lte(0)) throw binanceErrors.qtyTooSmall();
  if (!qty.mod(spec.stepSize).isZero()) throw binanceErrors.lotSize();
  if (qty.gt(spec.maxQty)) throw binanceErrors.maxQty();
  return qty;
}

export function parsePrice(p: Params, name: string, spec: SymbolSpec): Decimal {
  const price = parseDecimal(p, name);
  if (price.lte(0) || !price.mod(spec.tickSize).isZero()) throw binanceErrors.badParam(name);
  return price;
}

export function parseClientId(raw: string | undefined, fallback: () => string): string {
  if (raw === undefined || raw === "") return fallback();
  if (!CLIENT_ID.test(raw)) throw binanceErrors.badClientId();
  return raw;
}

export function isTrue(v: string | undefined): boolean {
  return v === "true" || v === "TRUE";
}
