import { readFile } from "node:fs/promises";

/** Resident set size of a process, in MB, from /proc (Linux). */
export async function rssMb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** Samples the summed RSS of `pids` until stopped; returns the peak. */
export function samplePeakRss(pids: number[], everyMs = 100) {
  let peak = 0;
  const timer = setInterval(async () => {
    const values = await Promise.all(pids.map(rssMb));
    peak = Math.max(
      peak,
      values.reduce((a, b) => a + b, 0),
    );
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
