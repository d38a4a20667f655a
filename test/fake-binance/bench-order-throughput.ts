import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { once } from "node:events";
import { Agent, request } from "node:http";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createCcxtExchangeFactory } from "../../core/exchange/ccxt-exchange-factory.ts";
import { dec } from "../../core/platform/decimal.ts";

// Market orders from distinct keys against the fake in its own process: through the ccxt factory, and with
// bare HMAC-signed requests (global fetch, and node:http with a keep-alive agent) as the ceiling. `npx tsx test/fake-binance/bench-order-throughput.ts --orders 2000 --concurrency 64`

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "64" },
  },
});
const orders = Number(values.orders);
const concurrency = Number(values.concurrency);

async function runPool(n: number, limit: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return performance.now() - started;
}

function signedOrderBody(apiKey: string, clientId: string): string {
  const body = new URLSearchParams({
    symbol: "ETHUSDT",
    side: "BUY",
    type: "MARKET",
    quantity: "0.010",
    newClientOrderId: clientId,
    newOrderRespType: "RESULT",
    timestamp: String(Date.now()),
  }).toString();
  const signature = createHmac("sha256", `secret-${apiKey}`).update(body).digest("hex");
  return `${body}&signature=${signature}`;
}

function checkFilled(text: string): void {
  if ((JSON.parse(text) as { status?: string }).status !== "FILLED") throw new Error(`bare order failed: ${text}`);
}

async function fetchOrder(url: string, apiKey: string, clientId: string): Promise<void> {
  const res = await fetch(`${url}/fapi/v1/order`, {
    method: "POST",
    headers: { "X-MBX-APIKEY": apiKey, "Content-Type": "application/x-www-form-urlencoded" },
    body: signedOrderBody(apiKey, clientId),
  });
  checkFilled(await res.text());
}

const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

function httpOrder(url: string, apiKey: string, clientId: string): Promise<void> {
  const body = signedOrderBody(apiKey, clientId);
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/fapi/v1/order`,
      {
        method: "POST",
        agent,
        headers: {
          "X-MBX-APIKEY": apiKey,
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          text += c;
        });
        res.on("end", () => {
          try {
            checkFilled(text);
            resolve();
          } catch (err) {
            reject(err);
          }
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function measure(name: string, task: (i: number) => Promise<unknown>) {
  await runPool(concurrency, concurrency, (i) => task(orders + i));
  const cpu0 = process.cpuUsage();
  const ms = await runPool(orders, concurrency, task);
  const cpu = process.cpuUsage(cpu0);
  return {
    name,
    ordersPerSec: Math.round((orders / ms) * 1000),
    ms: Math.round(ms),
    clientCpuMsPerOrder: +((cpu.user + cpu.system) / 1000 / orders).toFixed(3),
  };
}

const child = spawn(process.execPath, ["--import", "tsx", "test/fake-binance/main.ts", "--port", "0"], {
  stdio: ["ignore", "pipe", "inherit"],
});
try {
  const [url] = (await once(createInterface({ input: child.stdout }), "line")) as [string];

  const factory = createCcxtExchangeFactory({ urlOverrides: { binanceusdm: url } });
  const ccxt = await measure("ccxt factory", (i) =>
    factory.forAccount("binanceusdm", { apiKey: `ccxt-${i}`, secret: `secret-ccxt-${i}` }).createOrder({
      symbol: "ETH/USDT:USDT",
      side: "buy",
      type: "market",
      amount: dec("0.01"),
      clientOrderId: `ccxt-o-${i}`,
    }),
  );
  const stats = factory.stats().binanceusdm;
  factory.close();
  const bareFetch = await measure("bare fetch + HMAC", (i) => fetchOrder(url, `fetch-${i}`, `fetch-o-${i}`));
  const bareHttp = await measure("bare node:http + HMAC", (i) => httpOrder(url, `http-${i}`, `http-o-${i}`));
  const fakeStats = (await (await fetch(`${url}/__control/stats`)).json()) as { duplicates: unknown[] };
  console.log(
    JSON.stringify(
      {
        orders,
        concurrency,
        results: [ccxt, bareFetch, bareHttp],
        ccxtInstancesBuilt: stats?.instancesBuilt,
        marketLoads: stats?.marketLoads,
        duplicateCreates: fakeStats.duplicates.length,
      },
      null,
      2,
    ),
  );
} finally {
  agent.destroy();
  child.kill("SIGTERM");
}
