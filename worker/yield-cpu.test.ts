import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../test/processes.ts";

// In a child process: lowering a priority cannot be undone without privileges, and it would slow this runner.
function yieldInChild(nice: number, opts: { ownSession: boolean }) {
  const script = `
    import { getPriority } from "node:os";
    import { readFileSync } from "node:fs";
    import { yieldCpu } from "./worker/yield-cpu.ts";
    yieldCpu(${nice});
    let autogroup = null;
    try { autogroup = readFileSync("/proc/self/autogroup", "utf8"); } catch {}
    console.log(JSON.stringify({ priority: getPriority(), autogroup }));
  `;
  const setsid = opts.ownSession && existsSync("/usr/bin/setsid");
  const command = setsid ? "/usr/bin/setsid" : process.execPath;
  const args = [...(setsid ? [process.execPath] : []), "--import", "tsx", "--input-type=module", "-e", script];
  const out = spawnSync(command, args, { cwd: repoRoot, encoding: "utf8" });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split("\n").at(-1) as string) as { priority: number; autogroup: string | null };
}

describe("yieldCpu", () => {
  it("lowers the process's priority", () => {
    expect(yieldInChild(7, { ownSession: false }).priority).toBe(7);
  });

  it.runIf(existsSync("/proc/self/autogroup") && existsSync("/usr/bin/setsid"))(
    "lowers the priority of its session too, where the kernel schedules sessions as groups",
    () => {
      // A session of its own, as a service manager starts a worker: the session's nice is then the worker's.
      const { autogroup } = yieldInChild(6, { ownSession: true });
      expect(autogroup).toMatch(/nice 6\s*$/);
    },
  );

  it.runIf(existsSync("/proc/self/autogroup"))("leaves a session it does not lead alone", () => {
    const { autogroup } = yieldInChild(8, { ownSession: false });
    expect(autogroup).not.toMatch(/nice 8\s*$/);
  });
});
