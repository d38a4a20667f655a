import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";

describe("logger", () => {
  it("never writes credentials, passphrases or bearer tokens", () => {
    let out = "";
    const destination = new Writable({
      write(chunk, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const logger = createLogger({ destination }).child({ requestId: "r1" });
    logger.info({ apiKey: "AK-123", secret: "S-456", account: { password: "P-789", credentials: "v1:x" } }, "linked");
    logger.info({ body: { passphrase: "PP-000" }, req: { headers: { authorization: "Bearer T-111" } } }, "hook");
    for (const secret of ["AK-123", "S-456", "P-789", "v1:x", "PP-000", "T-111"]) expect(out).not.toContain(secret);
    expect(out).toContain('"requestId":"r1"');
    expect(out).toContain("[redacted]");
  });
});
