import { createHmac, timingSafeEqual } from "node:crypto";

// Binance SIGNED endpoints: signature = hex(HMAC-SHA256(secret, totalParams)), where totalParams is the query
// string concatenated (no separator) with the form body, both without the signature parameter itself.

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
  const expected = createHmac("sha256", secret).update(signed.payload).digest();
  const given = Buffer.from(signed.signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
