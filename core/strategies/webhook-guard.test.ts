import { describe, expect, it } from "vitest";
import type { DbClient } from "../platform/db-client.ts";
import { authenticateWebhook } from "./authenticate-webhook.ts";
import { hashPassphrase } from "./passphrase.ts";
import { createStrategyLookup } from "./strategy-lookup.ts";
import { createWebhookGuard } from "./webhook-guard.ts";

describe("webhook guard", () => {
  it("blocks a key after 20 failures within a minute, and forgets them after it", () => {
    let now = 0;
    const guard = createWebhookGuard({ now: () => now });
    for (let i = 0; i < 19; i++) guard.failed("k");
    expect(guard.blocked("k")).toBe(false);
    guard.failed("k");
    expect(guard.blocked("k")).toBe(true);
    expect(guard.blocked("other")).toBe(false);
    now += 60_000;
    expect(guard.blocked("k")).toBe(false);
  });
});

describe("webhook authentication", () => {
  const passphrase = "right-passphrase";
  function setup() {
    const reads = { n: 0 };
    const row = { id: "s1", slug: "alpha", passphraseHash: hashPassphrase(passphrase) };
    const db = {
      strategy: {
        findUnique: async ({ where }: { where: { slug: string } }) => {
          reads.n++;
          return where.slug === "alpha" ? row : null;
        },
      },
    } as unknown as DbClient;
    const deps = { strategies: createStrategyLookup(db, { ttlMs: 60_000 }), guard: createWebhookGuard() };
    const attempt = (slug: string, pass: string, sender = "10.0.0.1") =>
      authenticateWebhook({ slug, passphrase: pass, sender }, deps).then(
        () => "ok",
        (err: { code: string }) => err.code,
      );
    return { reads, attempt };
  }

  it("answers 401 twenty times a minute per sender, then 429, without reading the database each time", async () => {
    const { reads, attempt } = setup();
    const codes: string[] = [];
    for (let i = 0; i < 1000; i++) codes.push(await attempt("alpha", "wrong"));
    expect(codes.slice(0, 20).every((c) => c === "UNAUTHORIZED")).toBe(true);
    expect(codes.slice(20).every((c) => c === "TOO_MANY_REQUESTS")).toBe(true);
    // The first look-up, and one re-read for the first refusal.
    expect(reads.n).toBe(2);
    // The right passphrase from the same sender still goes through; another sender has its own count.
    expect(await attempt("alpha", passphrase)).toBe("ok");
    expect(await attempt("alpha", "wrong", "10.0.0.2")).toBe("UNAUTHORIZED");
  });

  it("caches unknown slugs, and answers 429 to a sender past 20 of them a minute", async () => {
    const { reads, attempt } = setup();
    for (let i = 0; i < 100; i++) expect(await attempt("ghost", passphrase, `10.1.0.${i}`)).toBe("NOT_FOUND");
    expect(reads.n).toBe(1);
    const codes: string[] = [];
    for (let i = 0; i < 30; i++) codes.push(await attempt("ghost", passphrase, "10.0.0.9"));
    expect(codes.filter((c) => c === "NOT_FOUND")).toHaveLength(20);
    expect(codes.slice(20).every((c) => c === "TOO_MANY_REQUESTS")).toBe(true);
    expect(reads.n).toBe(1);
    // A strategy that exists is still served to that sender, cached or not.
    expect(await attempt("alpha", passphrase, "10.0.0.9")).toBe("ok");
  });
});
