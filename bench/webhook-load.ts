// The second strategy's webhooks during bench:fanout, in a process of their own: `rate` deliveries/s, each timed
// from the request's first byte to the end of the answer, until SIGTERM; then one line `acks [[sentAt, ms], …]`
// (sentAt in epoch ms, so that the benchmark can keep the deliveries sent during the fan-out).
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
  },
});
const url = new URL(values.url as string);
const rate = Number(values.rate);
const agent = new http.Agent({ keepAlive: true });
const acks: [number, number][] = [];
const failures: string[] = [];
const inFlight = new Set<Promise<void>>();

const deliver = (body: string) =>
  new Promise<void>((resolve) => {
    const sentAt = Date.now();
    const started = performance.now();
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
          if (res.statusCode === 202) acks.push([sentAt, performance.now() - started]);
          else failures.push(`${res.statusCode} ${text}`);
          resolve();
        });
      },
    );
    req.on("error", (err) => {
      failures.push(err.message);
      resolve();
    });
    req.end(body);
  });

let running = true;
process.once("SIGTERM", () => {
  running = false;
});
process.stdout.write("load is up\n");
const period = 1000 / rate;
let next = performance.now();
for (let i = 0; running; i++) {
  const body = JSON.stringify({
    passphrase: values.passphrase,
    symbol: "ETHUSDT",
    action: "long",
    id: `${values.id}-${i}`,
  });
  const p = deliver(body).then(() => {
    inFlight.delete(p);
  });
  inFlight.add(p);
  next += period;
  await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
}
await Promise.all(inFlight);
agent.destroy();
process.stdout.write(`acks ${JSON.stringify(acks)}\n`);
if (failures.length) process.stdout.write(`failures ${JSON.stringify(failures.slice(0, 5))} (${failures.length})\n`);
