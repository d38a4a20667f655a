import type { FaultConfig } from "../../fake-binance/faults.ts";
import type { FakeStats } from "../../fake-binance/start-fake-binance.ts";
import { type Proc, startEntry } from "../../processes.ts";

export interface FakeBinanceProcess {
  url: string;
  proc: Proc;
  setFaults(faults: FaultConfig): Promise<void>;
  stats(): Promise<FakeStats & { duplicates: { clientOrderId: string; accepted: number }[] }>;
  /** Accepted creates per client order id. */
  creates(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** The fake Binance in a process of its own, so a 1,000-follower load does not share the test's event loop. */
export async function startFakeBinanceProcess(balance = "10000"): Promise<FakeBinanceProcess> {
  const proc = startEntry("test/fake-binance/main.ts", {}, ["--port", "0", "--balance", balance]);
  try {
    await proc.waitFor(/^http:\/\/\S+\n/m, 60_000);
  } catch (err) {
    await proc.stop("SIGKILL");
    throw err;
  }
  const url = (/^(http:\/\/\S+)\n/m.exec(proc.output()) as RegExpExecArray)[1] as string;
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/__control/${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`fake control ${method} ${path}: ${res.status}`);
    return res.json();
  };
  return {
    url,
    proc,
    setFaults: async (faults) => void (await control("POST", "faults", faults)),
    stats: () => control("GET", "stats"),
    creates: () => control("GET", "creates"),
    close: async () => void (await proc.stop()),
  };
}
