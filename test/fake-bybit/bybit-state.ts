import { Decimal } from "../../core/platform/decimal.ts";

// Just enough Bybit v5 (unified account, linear USDT perpetuals) for ccxt's bybit client: per-key wallet,
// one-way positions, orders by orderLinkId. Market orders fill at once at the current price.

export interface BybitInstrument {
  symbol: string;
  base: string;
  qtyStep: string;
  tickSize: string;
  minNotional: string;
  maxLeverage: string;
  price: Decimal;
}

export interface BybitOrder {
  orderId: string;
  orderLinkId: string;
  symbol: string;
  side: "Buy" | "Sell";
  orderType: "Market" | "Limit";
  orderStatus: "New" | "Filled" | "Untriggered" | "Cancelled";
  qty: Decimal;
  cumExecQty: Decimal;
  avgPrice: Decimal;
  triggerPrice: Decimal;
  triggerDirection: number;
  reduceOnly: boolean;
  createdTime: number;
}

export interface BybitAccount {
  apiKey: string;
  secret: string;
  revoked: boolean;
  /** The key's "Withdraw" wallet permission (GET /v5/user/query-api); keys are trade-only unless set. */
  canWithdraw: boolean;
  wallet: Decimal;
  /** Signed size per symbol. */
  positions: Map<string, { size: Decimal; avgPrice: Decimal }>;
  orders: Map<string, BybitOrder>;
  leverage: Map<string, string>;
}

export class BybitError extends Error {
  constructor(
    readonly retCode: number,
    msg: string,
    readonly httpStatus = 200,
  ) {
    super(msg);
  }
}

export class FakeBybitState {
  readonly instruments = new Map<string, BybitInstrument>([
    [
      "BTCUSDT",
      {
        symbol: "BTCUSDT",
        base: "BTC",
        qtyStep: "0.001",
        tickSize: "0.10",
        minNotional: "5",
        maxLeverage: "100.00",
        price: new Decimal(60000),
      },
    ],
    [
      "ETHUSDT",
      {
        symbol: "ETHUSDT",
        base: "ETH",
        qtyStep: "0.01",
        tickSize: "0.01",
        minNotional: "5",
        maxLeverage: "100.00",
        price: new Decimal(3000),
      },
    ],
  ]);
  readonly accounts = new Map<string, BybitAccount>();
  private nextId = 1;

  constructor(readonly startingBalance: string) {}

  newOrderId(): string {
    this.nextId += 1;
    return `00000000-0000-0000-0000-${String(this.nextId).padStart(12, "0")}`;
  }

  /** Unknown keys are accepted with secret `secret-<apiKey>`, as in the Binance fake. */
  account(apiKey: string): BybitAccount {
    let a = this.accounts.get(apiKey);
    if (!a) {
      a = {
        apiKey,
        secret: `secret-${apiKey}`,
        canWithdraw: false,
        revoked: false,
        wallet: new Decimal(this.startingBalance),
        positions: new Map(),
        orders: new Map(),
        leverage: new Map(),
      };
      this.accounts.set(apiKey, a);
    }
    return a;
  }

  instrument(symbol: string | undefined): BybitInstrument {
    const i = symbol ? this.instruments.get(symbol) : undefined;
    if (!i) throw new BybitError(10001, "params error: symbol invalid");
    return i;
  }
}
