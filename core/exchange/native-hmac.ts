import { createHmac } from "node:crypto";
import type { Exchange } from "ccxt";

type HashFn = { outputLen?: number; blockLen?: number };
type Hmac = (request: string | Uint8Array, secret: string | Uint8Array, hash: HashFn, digest?: string) => unknown;

// ccxt signs every private request with a pure-JS HMAC; OpenSSL's is several times cheaper, and signing is on
// the path of every follower's order. noble hash functions are told apart by their output and block sizes.
function algorithmOf(hash: HashFn): string | undefined {
  switch (`${hash.outputLen}/${hash.blockLen}`) {
    case "32/64":
      return "sha256";
    case "48/128":
      return "sha384";
    case "64/128":
      return "sha512";
    case "20/64":
      return "sha1";
    default:
      return undefined;
  }
}

/** Replaces the instance's hmac with node:crypto's, byte-for-byte the same output; unknown hashes fall back. */
export function useNativeHmac(ex: Exchange): void {
  const original = ex.hmac as Hmac;
  const native: Hmac = (request, secret, hash, digest = "hex") => {
    const algorithm = algorithmOf(hash);
    if (!algorithm || (digest !== "hex" && digest !== "base64" && digest !== "binary")) {
      return original(request, secret, hash, digest);
    }
    const mac = createHmac(algorithm, secret).update(request).digest();
    return digest === "binary" ? new Uint8Array(mac) : mac.toString(digest);
  };
  (ex as unknown as { hmac: Hmac }).hmac = native;
}
