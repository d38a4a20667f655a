import { describe, expect, it } from "vitest";
import type { JobProcessors } from "../core/platform/jobs.ts";
import { silentLogger } from "../core/platform/logger.ts";
import { createInProcessQueue } from "./in-process-queue.ts";

const signalId = "00000000-0000-4000-8000-000000000001";
const subscriptionId = "00000000-0000-4000-8000-000000000002";
const job = { data: { signalId, subscriptionId }, jobId: `exec_${signalId}_${subscriptionId}` };

describe("in-process queue: which job ids a re-add ignores", () => {
  it("ignores a job that completed, but runs again one that failed for good", async () => {
    let runs = 0;
    let failing = true;
    const queue = createInProcessQueue({
      logger: silentLogger,
      concurrency: 1,
      retry: { attempts: 2, backoffMs: 1, maxBackoffMs: 1 },
    });
    queue.start({
      "fan-out-signal": async () => {},
      "execute-batch": async () => {},
      "execute-subscription": async () => {
        runs += 1;
        if (failing) throw new Error("database is away");
      },
    } as JobProcessors);

    await queue.add("execute-subscription", job);
    await queue.drain();
    expect(runs).toBe(2);

    // What the resume sweep does once the database is back.
    failing = false;
    await queue.add("execute-subscription", job);
    await queue.drain();
    expect(runs).toBe(3);

    await queue.add("execute-subscription", job);
    await queue.drain();
    expect(runs).toBe(3);
    await queue.close();
  });
});
