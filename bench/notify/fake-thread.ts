import { once } from "node:events";
import { Worker } from "node:worker_threads";

export interface FakeReport {
  /** Messages each recipient received (Telegram chat id, Discord DM channel id). */
  perRecipient: Record<string, number>;
  accepted: number;
  rejected429: number;
}

// The fake runs on a thread of its own, as the platform runs on machines of its own: the times it enforces its
// limits by are then not skewed by the sender's event loop, which is busy with the database.
const SCRIPT = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  // A worker thread does not inherit tsx's loader from the parent's --import: register it here.
  await import("tsx/esm/api").then((m) => m.register());
  const fake = await import(workerData.module).then((m) => m[workerData.start](workerData.options));
  parentPort.on("message", async (msg) => {
    if (msg === "report") parentPort.postMessage({ report: await import(workerData.report).then((m) => m.report(fake)) });
    if (msg === "close") { await fake.close(); parentPort.postMessage({ closed: true }); }
  });
  parentPort.postMessage({ ready: { apiRoot: fake.apiRoot, token: fake.token } });
})().catch((err) => parentPort.postMessage({ error: String(err && err.stack || err) }));
`;

export async function startFakeThread(opts: {
  /** Absolute path of the module exporting `start`. */
  module: string;
  start: string;
  options: unknown;
  /** Absolute path of a module exporting `report(fake): FakeReport`. */
  report: string;
}): Promise<{ apiRoot: string; token: string; report(): Promise<FakeReport>; close(): Promise<void> }> {
  const worker = new Worker(SCRIPT, { eval: true, workerData: opts });
  const next = async <K extends string>(key: K): Promise<unknown> => {
    for (;;) {
      const [msg] = (await once(worker, "message")) as [Record<string, unknown>];
      if (msg.error) throw new Error(String(msg.error));
      if (key in msg) return msg[key];
    }
  };
  const ready = (await next("ready")) as { apiRoot: string; token: string };
  return {
    ...ready,
    async report() {
      worker.postMessage("report");
      return (await next("report")) as FakeReport;
    },
    async close() {
      worker.postMessage("close");
      await next("closed");
      await worker.terminate();
    },
  };
}
