import { readdir, readFile } from "node:fs/promises";
import { cpus } from "node:os";

const TICKS_PER_SEC = 100;

async function cpuTicks(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

async function pidsNamed(name: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const comm = await readFile(`/proc/${entry}/comm`, "utf8").catch(() => "");
    if (comm.trim().startsWith(name)) pids.push(Number(entry));
  }
  return pids;
}

/** CPU seconds spent by each group of processes between start() and the returned stop(): where a run's time went. */
export async function cpuUsage(groups: Record<string, number[] | string>) {
  const resolve = async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(groups).map(async ([k, v]) => [k, typeof v === "string" ? await pidsNamed(v) : v] as const),
      ),
    );
  const sum = async (pids: number[]) => (await Promise.all(pids.map(cpuTicks))).reduce((a, b) => a + b, 0);
  const before = await resolve();
  const start = Object.fromEntries(await Promise.all(Object.entries(before).map(async ([k, p]) => [k, await sum(p)])));
  return async () => {
    const after = await resolve();
    const out: Record<string, number> = {};
    for (const [k, pids] of Object.entries(after)) out[k] = ((await sum(pids)) - (start[k] ?? 0)) / TICKS_PER_SEC;
    return out;
  };
}

export interface Steal {
  seconds: number;
  /** Of the CPUs' time over the wall time measured. */
  percent: number;
  /** `steal 0.12 s (3% of the CPUs' time)`, as the benchmark prints it. */
  toString(): string;
}

/**
 * Time the hypervisor gave neither vCPU to this VM between start and stop (the `steal` column of /proc/stat), in
 * seconds summed over the CPUs, and the wall time: a pass's slow acks mean something else when the host took a
 * tenth of the machine meanwhile.
 */
export async function stolenTime() {
  const steal = async () => Number((await readFile("/proc/stat", "utf8")).split("\n")[0]?.trim().split(/\s+/)[8]);
  const start = await steal();
  const t0 = performance.now();
  return async (): Promise<Steal> => {
    const seconds = ((await steal()) - start) / TICKS_PER_SEC;
    const wallSeconds = (performance.now() - t0) / 1000;
    const percent = (seconds / wallSeconds / cpus().length) * 100;
    return {
      seconds,
      percent,
      toString: () => `steal ${seconds.toFixed(2)} s (${percent.toFixed(0)}% of the CPUs' time)`,
    };
  };
}
