import { faultsFromJson } from "./faults.ts";
import type { FakeBinance } from "./start-fake-binance.ts";

// HTTP control surface under /__control, so a fake running in another process (benchmarks) can be driven:
//   POST   /__control/price          {symbol, price}
//   POST   /__control/keys           {apiKey, secret?, balance?}
//   POST   /__control/keys/revoke    {apiKey}
//   POST   /__control/balance        {apiKey, balance}
//   POST   /__control/faults         FaultConfig with numeric or matcher rules
//   DELETE /__control/faults
//   GET    /__control/stats          counters, violations, client ids created more than once
//   GET    /__control/creates?clientOrderId=...   (without clientOrderId: every id with its accepted count)
//   GET    /__control/account?apiKey=...
//   POST   /__control/reset-counters

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
    default:
      return { status: 404, body: { error: `no control route ${method} ${path}` } };
  }
}
