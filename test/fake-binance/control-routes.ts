import { Decimal } from "../../core/platform/decimal.ts";
import { placeAlgoOrder } from "./algo-orders.ts";
import { faultsFromJson } from "./faults.ts";
import type { FakeBinance } from "./start-fake-binance.ts";
import type { PositionSide, Side } from "./state.ts";

// HTTP control surface under /__control, so a fake running in another process (benchmarks) can be driven:
//   POST   /__control/price          {symbol, price}
//   POST   /__control/positions      {positions: [{apiKey, symbol, amt, entryPrice}]}: held positions, set in bulk
//   POST   /__control/algo-orders    {orders: [{apiKey, symbol, side, type, triggerPrice, quantity, clientAlgoId}]}:
//                                     resting reduce-only conditional orders (STOP_MARKET, TAKE_PROFIT_MARKET), in bulk
//   POST   /__control/keys           {apiKey, secret?, balance?}
//   POST   /__control/keys/revoke    {apiKey}
//   POST   /__control/balance        {apiKey, balance}
//   POST   /__control/faults         FaultConfig with numeric or matcher rules
//   DELETE /__control/faults
//   GET    /__control/stats          counters, violations, client ids created more than once
//   GET    /__control/creates?clientOrderId=...   (without clientOrderId: every id with its accepted count)
//   GET    /__control/account?apiKey=...
//   POST   /__control/reset-counters
//   POST   /__control/fee            {takerFeeRate?, makerFeeRate?}       e.g. "0.0005"; "0" for no fees
//   POST   /__control/fill-limit     {clientOrderId, qty, apiKey?} -> order JSON: fills qty (lot step, at most what
//                                     is left) of one resting LIMIT at its price, as a maker; PARTIALLY_FILLED
//                                     while some is left. Without apiKey, the one account resting that id.
//   POST   /__control/settle         fill / expire now what delayedFill left pending -> {settled}
//   POST   /__control/weight-limit   {limitPerMinute?, banBaseSec?, windowMs?}   (absent limit: not enforced)
//   GET    /__control/weight         {used, limitPerMinute, banBaseSec, windowMs}
//   POST   /__control/user-order     {apiKey, symbol, side, qty, reduceOnly?, positionSide?} -> order JSON
//   POST   /__control/user-cancel    {apiKey, clientOrderId}  -> {canceled: "order" | "algo"}
//   POST   /__control/position-mode  {apiKey, hedge: boolean}
// Refusals by Binance's rules (user-order, user-cancel, position-mode, fill-limit) answer its status and {code, msg}.

export interface ControlReply {
  status: number;
  body: unknown;
}

function str(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (typeof v !== "string" || v === "") throw new Error(`"${key}" must be a non-empty string`);
  return v;
}

function optStr(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  return typeof v === "string" ? v : undefined;
}

function optNum(body: Record<string, unknown>, key: string): number | undefined {
  const v = body[key];
  return typeof v === "number" ? v : undefined;
}

function bool(body: Record<string, unknown>, key: string): boolean {
  const v = body[key];
  if (typeof v !== "boolean") throw new Error(`"${key}" must be a boolean`);
  return v;
}

function side(body: Record<string, unknown>): Side {
  const v = str(body, "side");
  if (v !== "BUY" && v !== "SELL") throw new Error(`"side" must be BUY or SELL`);
  return v;
}

function positionSide(body: Record<string, unknown>): PositionSide | undefined {
  const v = optStr(body, "positionSide");
  if (v !== undefined && v !== "BOTH" && v !== "LONG" && v !== "SHORT") throw new Error(`bad "positionSide"`);
  return v;
}

export function handleControl(
  fake: FakeBinance,
  method: string,
  path: string,
  query: URLSearchParams,
  rawBody: string,
): ControlReply {
  const body = rawBody === "" ? {} : (JSON.parse(rawBody) as Record<string, unknown>);
  const ok = { status: 200, body: { ok: true } };
  switch (`${method} ${path}`) {
    case "POST /__control/price":
      fake.setPrice(str(body, "symbol"), str(body, "price"));
      return ok;
    case "POST /__control/keys":
      fake.addKey(str(body, "apiKey"), optStr(body, "secret"), optStr(body, "balance"));
      return ok;
    case "POST /__control/keys/revoke":
      fake.revokeKey(str(body, "apiKey"));
      return ok;
    case "POST /__control/balance":
      fake.setBalance(str(body, "apiKey"), str(body, "balance"));
      return ok;
    case "POST /__control/faults":
      fake.setFaults(faultsFromJson(body));
      return ok;
    case "DELETE /__control/faults":
      fake.setFaults({});
      return ok;
    case "GET /__control/stats":
      return { status: 200, body: { ...fake.stats(), duplicates: fake.duplicateCreates() } };
    case "GET /__control/creates": {
      const id = query.get("clientOrderId");
      if (id === null) return { status: 200, body: Object.fromEntries(fake.state.createsByClientOrderId) };
      return { status: 200, body: { clientOrderId: id, accepted: fake.creates(id) } };
    }
    case "GET /__control/account": {
      const summary = fake.accountSummary(query.get("apiKey") ?? "");
      return summary ? { status: 200, body: summary } : { status: 404, body: { error: "unknown key" } };
    }
    case "POST /__control/reset-counters":
      fake.resetCounters();
      return ok;
    case "POST /__control/fee": {
      const taker = optStr(body, "takerFeeRate");
      const maker = optStr(body, "makerFeeRate");
      if (taker === undefined && maker === undefined) throw new Error(`"takerFeeRate" or "makerFeeRate" is needed`);
      if (taker !== undefined) fake.setTakerFeeRate(taker);
      if (maker !== undefined) fake.setMakerFeeRate(maker);
      return ok;
    }
    case "POST /__control/fill-limit":
      return {
        status: 200,
        body: fake.fillLimit(str(body, "clientOrderId"), str(body, "qty"), optStr(body, "apiKey")),
      };
    case "POST /__control/settle":
      return { status: 200, body: { settled: fake.settlePending() } };
    case "POST /__control/weight-limit":
      fake.setWeightLimit({
        limitPerMinute: optNum(body, "limitPerMinute"),
        banBaseSec: optNum(body, "banBaseSec"),
        windowMs: optNum(body, "windowMs"),
      });
      return ok;
    case "GET /__control/weight":
      return { status: 200, body: { used: fake.usedWeight(), ...fake.state.weight.options() } };
    case "POST /__control/positions": {
      // Benchmarks start from accounts that already hold positions: set them directly, in bulk.
      const list = Array.isArray(body.positions) ? (body.positions as Record<string, unknown>[]) : [];
      for (const p of list) {
        const account = fake.state.resolveKey(str(p, "apiKey")) ?? fake.state.addKey(str(p, "apiKey"));
        account.positions.set(str(p, "symbol"), {
          amt: new Decimal(str(p, "amt")),
          entryPrice: new Decimal(str(p, "entryPrice")),
          updateTime: Date.now(),
        });
      }
      return { status: 200, body: { set: list.length } };
    }
    case "POST /__control/algo-orders": {
      // Benchmarks start from trades whose TP/SL already rest: placed directly, by Binance's own rules.
      const list = Array.isArray(body.orders) ? (body.orders as Record<string, unknown>[]) : [];
      for (const o of list) {
        const account = fake.state.resolveKey(str(o, "apiKey")) ?? fake.state.addKey(str(o, "apiKey"));
        const params = {
          algoType: "CONDITIONAL",
          symbol: str(o, "symbol"),
          side: str(o, "side"),
          type: str(o, "type"),
          triggerPrice: str(o, "triggerPrice"),
          quantity: str(o, "quantity"),
          clientAlgoId: str(o, "clientAlgoId"),
          reduceOnly: "true",
        };
        placeAlgoOrder(fake.state, account, params, Date.now());
      }
      return { status: 200, body: { placed: list.length } };
    }
    case "POST /__control/user-order": {
      const order = {
        symbol: str(body, "symbol"),
        side: side(body),
        qty: str(body, "qty"),
        reduceOnly: body.reduceOnly === true,
        positionSide: positionSide(body),
      };
      return { status: 200, body: fake.userOrder(str(body, "apiKey"), order) };
    }
    case "POST /__control/user-cancel":
      return { status: 200, body: { canceled: fake.userCancel(str(body, "apiKey"), str(body, "clientOrderId")) } };
    case "POST /__control/position-mode":
      fake.setPositionMode(str(body, "apiKey"), bool(body, "hedge"));
      return ok;
    default:
      return { status: 404, body: { error: `no control route ${method} ${path}` } };
  }
}
