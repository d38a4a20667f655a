import { describe, expect, it } from "vitest";
import { startEntry } from "../test/processes.ts";

/**
 * Every static import of an entry point is loaded before its first line runs; without DATABASE_URL and
 * REDIS_URL the separate processes then stop at once, so their output shows what their module graph imports.
 */
async function importsOf(entry: string): Promise<string> {
  const proc = startEntry(entry, {}, [], { nodeArgs: ["--import", "./test/report-ccxt-import.mjs"] });
  await proc.waitFor(/needs DATABASE_URL and REDIS_URL/);
  await proc.stop();
  return proc.output();
}

describe("the API process", () => {
  it("does not import ccxt: its heap stays small, and so do the major collections that stall webhooks", async () => {
    expect(await importsOf("api/main.ts")).not.toMatch(/ccxt imported by/);
  }, 30_000);

  it("is checked by a probe that does see ccxt where it is imported (the worker)", async () => {
    expect(await importsOf("worker/main.ts")).toMatch(/ccxt imported by file:.*\/core\/exchange\//);
  }, 30_000);
});
