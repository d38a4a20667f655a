import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { signPlisioCallback } from "../../../test/fake-plisio/sign-callback.ts";
import { plisioSignature, verifyPlisioSignature } from "./plisio-signature.ts";

const key = "plisio-secret-key-for-tests";
// A callback as Plisio posts it with ?json=true, fields in Plisio's order.
const callback = () =>
  signPlisioCallback(
    {
      txn_id: "6634a1b2c3d4e5f607182930",
      ipn_type: "invoice",
      merchant: "Mimic",
      amount: "0.00045120",
      currency: "BTC",
      order_number: "1796610000000123456",
      order_name: "Mimic Pro (30 days)",
      confirmations: "2",
      status: "completed",
      source_currency: "USD",
      source_amount: "29.99",
      source_rate: "66489.15",
      comment: "Plisio API callback",
    },
    key,
  );

describe("Plisio's verify_hash", () => {
  it("passes a body signed as Plisio signs it, whatever the hash's case", () => {
    const body = callback();
    expect(verifyPlisioSignature(body, key)).toBe(true);
    expect(verifyPlisioSignature({ ...body, verify_hash: String(body.verify_hash).toUpperCase() }, key)).toBe(true);
    // Parsed from the wire as the route parses it: JSON.parse keeps the order the signature covers.
    expect(verifyPlisioSignature(JSON.parse(JSON.stringify(body)), key)).toBe(true);
  });

  it("fails a changed field, another order of the same fields, another key, and a wrong or missing hash", () => {
    const body = callback();
    expect(verifyPlisioSignature({ ...body, source_amount: "2.99" }, key)).toBe(false);
    expect(verifyPlisioSignature({ ...body, extra: "1" }, key)).toBe(false);
    const { txn_id, ...rest } = body;
    expect(verifyPlisioSignature({ ...rest, txn_id }, key)).toBe(false);
    expect(verifyPlisioSignature(body, `${key}x`)).toBe(false);
    for (const verify_hash of ["0".repeat(40), "", "zz", "a".repeat(39), "a".repeat(41), 42, null, undefined]) {
      expect(verifyPlisioSignature({ ...body, verify_hash }, key)).toBe(false);
    }
  });

  it("is the HMAC-SHA1 of JSON.stringify of the rest, hex", () => {
    // echo -n '{"a":"1","b":2}' | openssl dgst -sha1 -hmac k
    expect(plisioSignature({ a: "1", verify_hash: "x", b: 2 }, "k")).toBe("7d084d92e70bfa2e4408de9f0b79888f2ac9b2ae");
  });

  it("compares in constant time", () => {
    // The comparison itself is node's timingSafeEqual over equal-length digests, never string equality.
    const source = readFileSync(new URL("./plisio-signature.ts", import.meta.url), "utf8");
    expect(source).toMatch(/timingSafeEqual\(/);
    expect(source).not.toMatch(/===\s*expected|expected\s*===/);
  });
});
