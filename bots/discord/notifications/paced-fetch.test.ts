import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pacedFetch } from "./paced-fetch.ts";

describe("pacedFetch", () => {
  const answers: { status: number; body: unknown; headers?: Record<string, string> }[] = [];
  const seen: { at: number; body: string }[] = [];
  let url = "";
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      seen.push({ at: performance.now(), body });
      const a = answers.shift() ?? { status: 200, body: { ok: true } };
      res.writeHead(a.status, { "content-type": "application/json", ...a.headers });
      res.end(JSON.stringify(a.body));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("waits out a global 429 by its exact retry_after (not the header's whole second) and sends again", async () => {
    let paced = 0;
    const send = pacedFetch(async () => {
      paced += 1;
    });
    answers.push({ status: 429, body: { global: true, retry_after: 0.05 }, headers: { "retry-after": "1" } });
    const started = performance.now();
    const res = await send(url, { method: "POST", body: '{"content":"hi"}' } as never);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(900);
    expect(seen.slice(-2).map((s) => s.body)).toEqual(['{"content":"hi"}', '{"content":"hi"}']);
    // Every attempt goes through the pace.
    expect(paced).toBe(2);
  });

  it("hands a per-route 429 to REST, which keeps the route buckets", async () => {
    const send = pacedFetch(async () => {});
    answers.push({ status: 429, body: { global: false, retry_after: 0.05 } });
    const before = seen.length;
    expect((await send(url, { method: "POST", body: "{}" } as never)).status).toBe(429);
    expect(seen.length - before).toBe(1);
  });
});
