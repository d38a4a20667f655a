import {
  AccountSuspended,
  BadResponse,
  DDoSProtection,
  ExchangeError,
  ExchangeNotAvailable,
  InvalidNonce,
  InvalidOrder,
  NetworkError,
  OnMaintenance,
  PermissionDenied,
  RequestTimeout,
} from "ccxt";
import { describe, expect, it } from "vitest";
import { AppError } from "../platform/errors.ts";
import { extractExchangeCode, mapCcxtError } from "./map-ccxt-error.ts";
import { stepOf } from "./map-ccxt-market.ts";
import { retryAfterMsFrom } from "./retry-after.ts";

const create = { exchangeId: "binanceusdm", operation: "createOrder" };
const fetchOp = { exchangeId: "binanceusdm", operation: "fetchBalance" };

describe("mapCcxtError", () => {
  it("maps ccxt classes, treating doubt about a create as EXCHANGE_UNCERTAIN", () => {
    expect(mapCcxtError(new RequestTimeout("t"), fetchOp).code).toBe("EXCHANGE_UNCERTAIN");
    expect(mapCcxtError(new NetworkError("reset"), create).code).toBe("EXCHANGE_UNCERTAIN");
    expect(mapCcxtError(new ExchangeNotAvailable("502"), fetchOp).code).toBe("EXCHANGE_UNAVAILABLE");
    expect(mapCcxtError(new ExchangeNotAvailable("502"), create).code).toBe("EXCHANGE_UNCERTAIN");
    expect(mapCcxtError(new OnMaintenance("m"), fetchOp).code).toBe("EXCHANGE_UNAVAILABLE");
    expect(mapCcxtError(new BadResponse("?"), create).code).toBe("EXCHANGE_UNCERTAIN");
    expect(mapCcxtError(new InvalidNonce("clock"), create).code).toBe("EXCHANGE_UNAVAILABLE");
    expect(mapCcxtError(new DDoSProtection("429"), fetchOp).code).toBe("RATE_LIMITED");
    expect(mapCcxtError(new PermissionDenied("p"), fetchOp).code).toBe("INVALID_KEY");
    expect(mapCcxtError(new AccountSuspended("s"), fetchOp).code).toBe("INVALID_KEY");
    expect(mapCcxtError(new InvalidOrder("Filter failure: LOT_SIZE"), create).code).toBe("BELOW_MINIMUM");
    expect(mapCcxtError(new InvalidOrder("post only would cross"), create).code).toBe("ORDER_REJECTED");
    expect(mapCcxtError(new ExchangeError("?"), create).code).toBe("ORDER_REJECTED");
    expect(mapCcxtError(new TypeError("bug"), fetchOp).code).toBe("INTERNAL");
  });

  it("lets the venue's own code win over a coarse class", () => {
    const err = new ExchangeError('binanceusdm {"code":-2019,"msg":"Margin is insufficient."}');
    const mapped = mapCcxtError(err, { ...create, venueCodes: { "-2019": "INSUFFICIENT_MARGIN" } });
    expect(mapped.code).toBe("INSUFFICIENT_MARGIN");
    expect(mapped.details?.exchangeCode).toBe("-2019");
    expect(extractExchangeCode('bybit {"retCode":110007,"retMsg":"ab not enough"}')).toBe("110007");
  });

  it("passes AppErrors through and reads the back-off from the headers captured on the lease", () => {
    const own = new AppError("BELOW_MINIMUM", "x");
    expect(mapCcxtError(own, create)).toBe(own);
    const mapped = mapCcxtError(new DDoSProtection('binanceusdm 429 {"code":-1003}'), {
      ...create,
      responseHeaders: { "Retry-After": "7" },
      now: 1000,
    });
    expect(mapped.retryAfterMs).toBe(7000);
    expect(mapped.details?.retryAt).toBe(8000);
  });

  it("never echoes credentials or signatures", () => {
    const err = new RequestTimeout(
      "binanceusdm GET https://fapi.binance.com/fapi/v3/account?timestamp=1&signature=abcdef0123 timed out for KEY-123456",
    );
    const mapped = mapCcxtError(err, { ...fetchOp, redact: ["KEY-123456", "s3cr3t-value"] });
    expect(mapped.message).not.toContain("abcdef0123");
    expect(mapped.message).not.toContain("KEY-123456");
    expect(mapped.cause).toBeUndefined();
  });
});

describe("retryAfterMsFrom", () => {
  it("reads Retry-After seconds and Bybit's reset timestamp", () => {
    expect(retryAfterMsFrom({ "Retry-After": "2" })).toBe(2000);
    expect(retryAfterMsFrom({ "X-Bapi-Limit-Reset-Timestamp": "5000" }, 1000)).toBe(4000);
    expect(retryAfterMsFrom({})).toBeUndefined();
    expect(retryAfterMsFrom(undefined)).toBeUndefined();
  });
});

describe("stepOf", () => {
  it("handles both ccxt precision modes", () => {
    expect(stepOf(0.001, 4).toFixed()).toBe("0.001");
    expect(stepOf(1e-8, 4).toFixed()).toBe("0.00000001");
    expect(stepOf(3, 2).toFixed()).toBe("0.001");
  });
});
