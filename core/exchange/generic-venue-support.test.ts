import { describe, expect, it } from "vitest";
import { isAppError } from "../platform/errors.ts";
import { createCcxtExchangeFactory } from "./ccxt-exchange-factory.ts";
import { genericVenueRefusal } from "./generic-venue-support.ts";

// Read from the installed ccxt's metadata: a ccxt upgrade that changes a verdict shows up here.
const LOOKUP = "cannot look up orders by client order id, which Mimic needs to place each order exactly once";

describe("genericVenueRefusal", () => {
  it.each(["okx", "bitget", "gate", "mexc", "kucoinfutures", "bingx", "htx", "weex"])(
    "accepts %s: its open and closed orders can be searched for a client id",
    (id) => {
      expect(genericVenueRefusal(id)).toBeUndefined();
    },
  );

  it.each(["apex", "paradex", "coinbaseinternational", "gemini", "digifinex"])(
    "refuses %s: no closed-order history, so a filled order could not be found",
    (id) => {
      expect(genericVenueRefusal(id)).toBe(`"${id}" ${LOOKUP}`);
    },
  );

  it("refuses an exchange ccxt says cannot fetch an order by client id", () => {
    expect(genericVenueRefusal("btse")).toBe(`"btse" ${LOOKUP}`);
  });

  it("refuses exchanges without linear perpetuals, and names ccxt does not know", () => {
    expect(genericVenueRefusal("kraken")).toBe(
      '"kraken" has no linear perpetual futures in ccxt, the only markets Mimic trades',
    );
    expect(genericVenueRefusal("xyz")).toBe('"xyz" is not a supported exchange');
  });
});

describe("the ccxt factory", () => {
  const factory = createCcxtExchangeFactory();

  it("supports profiled venues and accepted generic ones, and says why it refuses the others", () => {
    expect(factory.isSupported("binanceusdm")).toBe(true);
    expect(factory.isSupported("okx")).toBe(true);
    expect(factory.isSupported("apex")).toBe(false);
    expect(factory.unsupportedReason("apex")).toBe(`"apex" ${LOOKUP}`);
    expect(factory.unsupportedReason("bybit")).toBeUndefined();
  });

  it("builds no client for a refused exchange", () => {
    let thrown: unknown;
    try {
      factory.forAccount("apex", { apiKey: "k", secret: "s" });
    } catch (err) {
      thrown = err;
    }
    expect(isAppError(thrown, "BAD_REQUEST")).toBe(true);
    expect((thrown as Error).message).toBe(`exchange: "apex" ${LOOKUP}`);
  });
});
