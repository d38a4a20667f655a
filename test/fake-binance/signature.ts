import { createHmac, createPublicKey, timingSafeEqual, verify } from "node:crypto";

// Binance SIGNED endpoints: signature = hex(HMAC-SHA256(secret, totalParams)), where totalParams is the query
// string concatenated (no separator) with the form body, both without the signature parameter itself. A key
// registered as an RSA or Ed25519 public key (PEM) signs instead with its private key: the signature is then
// base64 (URL-encoded) of RSA-SHA256 or Ed25519 over the same totalParams.

export interface SignedPayload {
  payload: string;
  signature: string | undefined;
}

export function extractSignature(query: string, body: string): SignedPayload {
  const q = stripSignature(query);
  const b = stripSignature(body);
  return { payload: q.rest + b.rest, signature: q.signature ?? b.signature };
}

function stripSignature(part: string): { rest: string; signature: string | undefined } {
  if (!part.includes("signature=")) return { rest: part, signature: undefined };
  let signature: string | undefined;
  const kept: string[] = [];
  for (const pair of part.split("&")) {
    if (pair.startsWith("signature=")) signature = pair.slice("signature=".length);
    else kept.push(pair);
  }
  return { rest: kept.join("&"), signature };
}

export function verifySignature(secret: string, signed: SignedPayload): boolean {
  if (!signed.signature) return false;
  if (secret.includes("PUBLIC KEY")) return verifyAsymmetric(secret, signed.payload, signed.signature);
  const expected = createHmac("sha256", secret).update(signed.payload).digest();
  const given = Buffer.from(signed.signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function verifyAsymmetric(publicKeyPem: string, payload: string, signature: string): boolean {
  const key = createPublicKey(publicKeyPem);
  const given = Buffer.from(decodeURIComponent(signature), "base64");
  return verify(key.asymmetricKeyType === "ed25519" ? null : "sha256", Buffer.from(payload), key, given);
}
