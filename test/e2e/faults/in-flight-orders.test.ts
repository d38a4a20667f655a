import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { executeSubscription } from "../../../core/copying/execute-subscription.ts";
import { createExecutionLedger } from "../../../core/copying/execution-ledger.ts";
import { createSignalCache } from "../../../core/copying/signal-cache.ts";
import { type CcxtExchangeFactory, createCcxtExchangeFactory } from "../../../core/exchange/ccxt-exchange-factory.ts";
import type { ExchangeResolver } from "../../../core/exchange/exchange-resolver.ts";
import { defaultRetryPolicy } from "../../../core/platform/jobs.ts";
import { silentLogger } from "../../../core/platform/logger.ts";
import { retryDelay } from "../../../core/platform/retry-delay.ts";
import { createTestDatabase } from "../../db.ts";
import { seedExecution as seed } from "../../factories.ts";
import { type FakeBinance, startFakeBinance } from "../../fake-binance/start-fake-binance.ts";

// An order request that is still on its way when a second attempt of the same execution looks it up: the
// look-up finds nothing, the second attempt sends again, and both land. Two ways to get there: a venue slower
// than our timeout (the retry runs while the first request is still being processed), and two attempts of one
// job at once (BullMQ is at-least-once: a stalled check can re-queue a job whose worker is alive but blocked).
// place-order.ts therefore neither looks up nor re-sends a "sending" row whose request may still be in flight
// (younger than the venue's timeout plus receive window), and only one attempt may claim a re-send.

const policy = defaultRetryPolicy;

describe("an order still in flight when another attempt of its execution runs", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let fake: FakeBinance;
  let ccxt: CcxtExchangeFactory;
  let keyN = 0;
  let apiKey = "";
  const resolver: ExchangeResolver = {
    forAccount: () => ccxt.forAccount("binanceusdm", { apiKey, secret: `secret-${apiKey}` }),
    forCredentials: (id, creds) => ccxt.forAccount(id, creds),
    isSupported: () => true,
    warmPrice: () => undefined,
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    fake = await startFakeBinance({ startingBalance: "10000" });
    ccxt = createCcxtExchangeFactory({ urlOverrides: { binanceusdm: fake.url }, timeoutMs: 1000 });
  });
  afterAll(async () => {
    ccxt?.close();
    await fake?.close();
    await testDb?.drop();
  });
  beforeEach(() => {
    keyN += 1;
    apiKey = `in-flight-${keyN}`;
  });

  const deps = () => ({
    db: testDb.db.prisma,
    ledger: createExecutionLedger(testDb.db.prisma, testDb.db.sql),
    signals: createSignalCache(testDb.db.prisma),
    exchanges: resolver,
    clock: { now: () => new Date() },
    logger: silentLogger,
  });

  async function seedExecution() {
    const { ids, clientOrderId } = await seed(testDb.db.prisma, {
      account: { exchange: "binanceusdm", credentials: "unused: the resolver above signs" },
      strategy: { maxSignalAgeSec: 600 },
      subscription: { sizingValue: "200" },
    });
    return { ids, clientOrderId };
  }

  // Attempts as the worker makes them: the next one after max(backoff, the error's retryAfterMs).
  async function runLikeTheWorker(ids: { signalId: string; subscriptionId: string }) {
    for (let n = 1; ; n++) {
      try {
        await executeSubscription({ ...ids, attempt: n, maxAttempts: policy.attempts }, deps());
        return;
      } catch (err) {
        if (n >= policy.attempts) throw err;
        await new Promise((r) => setTimeout(r, retryDelay(policy, n, err)));
      }
    }
  }

  it("a venue slower than our timeout: the retry does not send the order a second time", async () => {
    const { ids, clientOrderId } = await seedExecution();
    // The venue takes 2.5 s per order; we give up after 1 s and retry 250 ms later.
    fake.setFaults({ orderLatencyMs: 2500 });
    try {
      await runLikeTheWorker(ids);
    } finally {
      fake.setFaults({});
    }
    // Requests still on their way land before we count.
    await new Promise((r) => setTimeout(r, 2600));
    expect(fake.creates(clientOrderId)).toBe(1);
  }, 30_000);

  it("two attempts of one execution at once place one order", async () => {
    const { ids, clientOrderId } = await seedExecution();
    fake.setFaults({ orderLatencyMs: 800 });
    try {
      await Promise.all([runLikeTheWorker(ids), runLikeTheWorker(ids)]);
    } finally {
      fake.setFaults({});
    }
    await new Promise((r) => setTimeout(r, 900));
    expect(fake.creates(clientOrderId)).toBe(1);
  }, 30_000);
});
