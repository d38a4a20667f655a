import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { freePort } from "../../processes.ts";

export interface PrivateRedis {
  url: string;
  /** Stops the server as `docker restart` would (SIGTERM: AOF flushed) and starts it again on the same port. */
  restart(opts?: { downMs?: number }): Promise<void>;
  close(): Promise<void>;
}

/**
 * A redis-server of the test's own, so it can be restarted under a running system. With `persistent`, queue
 * state survives a restart (appendonly, as in docker-compose.yml); without, a restart loses everything.
 */
export async function startPrivateRedis(opts: { persistent: boolean }): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), "mimic-redis-"));
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--save",
    "",
    "--appendonly",
    opts.persistent ? "yes" : "no",
  ];
  let child: ChildProcess | undefined;

  const start = async () => {
    const proc = spawn("redis-server", args, { stdio: "ignore" });
    child = proc;
    // Ready when it answers, not when it has been spawned.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis(port, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: null });
      probe.on("error", () => undefined);
      try {
        await probe.connect();
        if ((await probe.ping()) === "PONG") return;
      } catch {
        if (proc.exitCode !== null) throw new Error(`redis-server exited with ${proc.exitCode}`);
        if (Date.now() > deadline) throw new Error("redis-server did not come up");
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        probe.disconnect();
      }
    }
  };
  const stop = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once("exit", resolve));
    proc.kill("SIGTERM");
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    async restart(o = {}) {
      await stop();
      if (o.downMs) await new Promise((r) => setTimeout(r, o.downMs));
      await start();
    },
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
