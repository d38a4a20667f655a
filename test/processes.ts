import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export interface Proc {
  child: ChildProcess;
  output(): string;
  /** Resolves when a line matching `pattern` has been printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts one of Mimic's entry points as its own process, as an operator would with npm run.
 * `ownSession` starts it in a session of its own, as a service manager starts each service: on Linux with
 * autogroup scheduling (sched_autogroup_enabled), the processes of one session share one CPU share, so the API,
 * the worker and the exchange started from one terminal would compete as one against each Postgres backend
 * (Postgres puts every backend in a session of its own).
 */
export function startEntry(
  entry: string,
  env: Record<string, string>,
  args: string[] = [],
  // nodeArgs: flags for node itself, as an npm script passes them (V8 flags are not all allowed in NODE_OPTIONS).
  opts: { ownSession?: boolean; nodeArgs?: string[] } = {},
): Proc {
  // The same Node as ours with tsx as a loader: one process per entry, so signals and RSS are its own.
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", entry, ...args], {
    cwd: repoRoot,
    detached: opts.ownSession ?? false,
    env: { PATH: `${path.join(repoRoot, "node_modules/.bin")}:${process.env.PATH}`, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => out,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(out)) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${pattern} in:\n${out}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => check());
        check();
      });
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
