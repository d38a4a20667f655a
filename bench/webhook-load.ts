// The second strategy's webhooks during bench:fanout, in a process of their own: `rate` deliveries/s on a fixed
// schedule (delivery i is due at start + i/rate), until SIGTERM; then one line `acks [[sentAt, ms], …]` for the
// deliveries answered 202, and one line `failed [[sentAt, ms, reason], …]` for the others (another status, a
// connection error, no answer within --timeout-ms). sentAt is the delivery's scheduled time in epoch ms (so that
// the benchmark can keep the deliveries due during the fan-out), ms runs from that scheduled time to the end of
// the answer: a delivery this process sent late, because its own event loop or CPU was held up, is counted late
// (no coordinated omission); deliveries that fell behind are sent at once, not skipped.
// Timed here rather than in the benchmark's own process, whose event loop also polls Postgres and samples
// /proc: an answer that arrived while that loop was busy was counted late (the benchmark spent as much CPU per
// webhook as the API did).
import http from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    passphrase: { type: "string" },
    rate: { type: "string", default: "50" },
    id: { type: "string", default: "load" },
    // A delivery not answered in this time is a failure (and is aborted).
    "timeout-ms": { type: "string", default: "10000" },
  },
});
const url = new URL(values.url as string);
const rate = Number(values.rate);
const timeoutMs = Number(values["timeout-ms"]);
const agent = new http.Agent({ keepAlive: true });
const acks: [number, number][] = [];
const failed: [number, number, string][] = [];
const inFlight = new Set<Promise<void>>();
// Epoch ms of performance.now()'s origin, read once: the schedule is kept on the monotonic clock.
const epochOffset = Date.now() - performance.now();

const deliver = (body: string, due: number) =>
  new Promise<void>((resolve) => {
    const sentAt = epochOffset + due;
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      failed.push([sentAt, performance.now() - due, reason]);
      resolve();
    };
    // From the scheduled time, as the latency is.
    const timer = setTimeout(
      () => {
        fail(`no answer within ${timeoutMs} ms`);
        req.destroy();
      },
      Math.max(1, due + timeoutMs - performance.now()),
    );
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => {
          if (settled) return;
          if (res.statusCode !== 202) return fail(`${res.statusCode} ${text.slice(0, 200)}`);
          settled = true;
          clearTimeout(timer);
          acks.push([sentAt, performance.now() - due]);
          resolve();
        });
        res.on("error", (err) => fail(err.message));
      },
    );
    req.on("error", (err) => fail(err.message));
    req.end(body);
  });

let running = true;
process.once("SIGTERM", () => {
  running = false;
});
process.stdout.write("load is up\n");
const period = 1000 / rate;
const start = performance.now();
let i = 0;
while (running) {
  // Every delivery due by now, late ones included.
  for (let now = performance.now(); running && start + i * period <= now; i++) {
    const body = JSON.stringify({
      passphrase: values.passphrase,
      symbol: "ETHUSDT",
      action: "long",
      id: `${values.id}-${i}`,
    });
    const p = deliver(body, start + i * period).then(() => {
      inFlight.delete(p);
    });
    inFlight.add(p);
  }
  await new Promise((r) => setTimeout(r, Math.max(0, start + i * period - performance.now())));
}
await Promise.all(inFlight);
agent.destroy();
process.stdout.write(`acks ${JSON.stringify(acks)}\n`);
process.stdout.write(`failed ${JSON.stringify(failed)}\n`);
if (failed.length)
  process.stdout.write(`failures ${JSON.stringify(failed.slice(0, 5).map(([, , why]) => why))} (${failed.length})\n`);
