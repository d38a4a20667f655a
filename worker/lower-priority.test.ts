import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lowerPriority, type PriorityDeps } from "./lower-priority.ts";

function fakeDeps(opts: { pid: number; session: number; writeFails?: string }) {
  const calls: { nice?: number; written?: [string, string] } = {};
  const deps: PriorityDeps = {
    pid: opts.pid,
    setPriority: (nice) => {
      calls.nice = nice;
    },
    // The command name may hold spaces and parentheses; the fields are read after the last ")".
    readFile: () => `${opts.pid} (node (tsx) x) S 1 ${opts.session} ${opts.session} 0 -1 4194560`,
    writeFile: (p, data) => {
      if (opts.writeFails) throw new Error(opts.writeFails);
      calls.written = [p, data];
    },
  };
  return { deps, calls };
}

describe("lowerPriority", () => {
  it("sets the process's nice and, as the leader of its session, the session's", () => {
    const { deps, calls } = fakeDeps({ pid: 4242, session: 4242 });
    expect(lowerPriority({ process: 5, session: 10 }, deps)).toEqual({ processNice: 5, session: { nice: 10 } });
    expect(calls).toEqual({ nice: 5, written: ["/proc/self/autogroup", "10"] });
  });

  it("leaves the session alone unless asked", () => {
    const { deps, calls } = fakeDeps({ pid: 4242, session: 4242 });
    expect(lowerPriority({ process: 5, session: 0 }, deps)).toEqual({
      processNice: 5,
      session: { skipped: "not asked for" },
    });
    expect(calls).toEqual({ nice: 5 });
  });

  it("leaves the session alone when it is a terminal's or npm's, not the worker's own", () => {
    const { deps, calls } = fakeDeps({ pid: 4242, session: 100 });
    expect(lowerPriority({ process: 5, session: 10 }, deps)).toEqual({
      processNice: 5,
      session: { skipped: "not the leader of its session" },
    });
    expect(calls).toEqual({ nice: 5 });
  });

  it("reports an autogroup it may not change instead of failing the worker's start", () => {
    const { deps } = fakeDeps({ pid: 7, session: 7, writeFails: "EACCES: permission denied" });
    expect(lowerPriority({ process: 0, session: 3 }, deps).session).toEqual({
      skipped: "autogroup not set: EACCES: permission denied",
    });
  });

  it("does nothing more where there is no /proc", () => {
    const deps: PriorityDeps = {
      pid: 1,
      setPriority: () => {},
      readFile: () => {
        throw new Error("ENOENT");
      },
      writeFile: () => {
        throw new Error("unreachable");
      },
    };
    expect(lowerPriority({ process: 5, session: 5 }, deps).session).toEqual({ skipped: "no /proc (not Linux)" });
  });

  const autogroups =
    existsSync("/proc/sys/kernel/sched_autogroup_enabled") &&
    readFileSync("/proc/sys/kernel/sched_autogroup_enabled", "utf8").trim() === "1";

  it.runIf(autogroups)("lowers the autogroup of a worker started in a session of its own, on this kernel", async () => {
    // As a service manager or bench:fanout starts the worker: a new session, of which node is the leader.
    const script = [
      "const { lowerPriority } = await import('./worker/lower-priority.ts');",
      "const result = lowerPriority({ process: 5, session: 7 });",
      "const { readFileSync } = await import('node:fs');",
      "console.log(JSON.stringify({ result, autogroup: readFileSync('/proc/self/autogroup', 'utf8').trim() }));",
    ].join("\n");
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: path.resolve(import.meta.dirname, ".."),
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(0);
    const { result, autogroup } = JSON.parse(out) as { result: unknown; autogroup: string };
    expect(result).toEqual({ processNice: 5, session: { nice: 7 } });
    expect(autogroup).toMatch(/^\/autogroup-\d+ nice 7$/);
  });
});
