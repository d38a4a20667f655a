// The same module instances ccxt's venues pass to hmac().
import { sha256, sha384, sha512 } from "@noble/hashes/sha2.js";
import ccxt from "ccxt";
import { describe, expect, it } from "vitest";
import { useNativeHmac } from "./native-hmac.ts";

describe("useNativeHmac", () => {
  it("signs exactly as ccxt's own HMAC for every hash and digest the venues use", () => {
    const reference = new ccxt.binanceusdm();
    const fast = new ccxt.binanceusdm();
    useNativeHmac(fast);
    const encoder = new TextEncoder();
    for (const hash of [sha256, sha384, sha512]) {
      for (const digest of ["hex", "base64", "binary"] as const) {
        for (const [request, secret] of [
          ["symbol=BTCUSDT&side=BUY&timestamp=1", "secret-key"],
          [encoder.encode("ünïcode=✓"), encoder.encode("s3cr3t")],
        ] as const) {
          expect(fast.hmac(request, secret, hash, digest)).toEqual(reference.hmac(request, secret, hash, digest));
        }
      }
    }
  });
});
