import { parseArgs } from "node:util";
import { startFakeBinance } from "./start-fake-binance.ts";

// Runs the fake as its own process, so a benchmark's client load does not share its event loop:
//   npx tsx test/fake-binance/main.ts --port 9999 [--balance 10000] [--strict-keys]
// Prints the base URL on the first stdout line; drive it through /__control (see control-routes.ts).

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    balance: { type: "string", default: "10000" },
    "strict-keys": { type: "boolean", default: false },
  },
});

const fake = await startFakeBinance({
  port: Number(values.port),
  startingBalance: values.balance,
  autoRegisterKeys: !values["strict-keys"],
});
process.stdout.write(`${fake.url}\n`);

const stop = () => {
  void fake.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
