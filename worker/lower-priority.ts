import { readFileSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";

export interface PriorityDeps {
  pid: number;
  setPriority(nice: number): void;
  readFile(path: string): string;
  writeFile(path: string, data: string): void;
}

const realDeps: PriorityDeps = {
  pid: process.pid,
  setPriority: (nice) => setPriority(nice),
  readFile: (path) => readFileSync(path, "utf8"),
  writeFile: (path, data) => writeFileSync(path, data),
};

export interface PriorityResult {
  processNice: number;
  /** The nice the session's autogroup now has, or why it was left alone. */
  session: { nice: number } | { skipped: string };
}

/**
 * Lowers the worker's CPU priority so that a fan-out filling the cores yields to the API's acknowledgements.
 *
 * A process's nice alone does little for that on Linux with autogroups (the default outside a cgroup): the CPU
 * is first shared between sessions, and a worker started as a service is alone in its session. The session's
 * own nice (`/proc/self/autogroup`) is what weighs against the API's. Asked for (`sessionNice` > 0), it is set
 * only when the worker leads its session, so that a worker started from a terminal does not lower the
 * terminal's shell with it. Under systemd or in a container the cgroup decides instead (CPUWeight=,
 * --cpu-shares) and this write changes nothing.
 *
 * Off by default: it trades the first order's latency for the acks' (docs/performance.md, seventh session).
 */
export function lowerPriority(
  nice: { process: number; session: number },
  deps: PriorityDeps = realDeps,
): PriorityResult {
  deps.setPriority(nice.process);
  const processNice = nice.process;
  if (nice.session === 0) return { processNice, session: { skipped: "not asked for" } };
  let sessionId: number;
  try {
    const stat = deps.readFile(`/proc/${deps.pid}/stat`);
    // Fields after the command name, which may itself hold spaces and parentheses: state, ppid, pgrp, session.
    sessionId = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[3]);
  } catch {
    return { processNice, session: { skipped: "no /proc (not Linux)" } };
  }
  if (sessionId !== deps.pid) return { processNice, session: { skipped: "not the leader of its session" } };
  try {
    deps.writeFile("/proc/self/autogroup", String(nice.session));
  } catch (err) {
    // No autogroup support, or a nice below the session's current one (raising priority needs CAP_SYS_NICE).
    return { processNice, session: { skipped: `autogroup not set: ${(err as Error).message}` } };
  }
  return { processNice, session: { nice: nice.session } };
}
