import { parseArgs } from "node:util";
import { startFakeBinance } from "./start-fake-binance.ts";
import { defaultSymbols, extraSymbols } from "./symbols.ts";

// Runs the fake as its own process, so a benchmark's client load does not share its event loop:
//   npx tsx test/fake-binance/main.ts --port 9999 [--balance 10000] [--strict-keys]
// Prints the base URL on the first stdout line; drive it through /__control (see control-routes.ts).

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    balance: { type: "string", default: "10000" },
    "strict-keys": { type: "boolean", default: false },
    // Extra symbols COIN1USDT..COIN<n>USDT beside the default ones (benchmarks holding many positions per account).
    "extra-symbols": { type: "string", default: "0" },
  },
});

const fake = await startFakeBinance({
  symbols: [...defaultSymbols, ...extraSymbols(Number(values["extra-symbols"]))],
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
