import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export interface DevSecret {
  value: string;
  /** "env" when set by the operator, "file" when read back, "generated" when created just now. */
  source: "env" | "file" | "generated";
  file?: string;
}

/**
 * In development a missing secret is generated once and kept under the data dir (mode 0600) so that
 * encrypted credentials stay readable across restarts. Production never gets here: config requires both.
 */
export async function resolveDevSecret(opts: {
  fromEnv: string | undefined;
  dataDir: string;
  fileName: string;
  generate: () => string;
}): Promise<DevSecret> {
  if (opts.fromEnv) return { value: opts.fromEnv, source: "env" };
  const file = path.resolve(opts.dataDir, opts.fileName);
  try {
    const value = (await readFile(file, "utf8")).trim();
    if (value) return { value, source: "file", file };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const value = opts.generate();
  await writeFile(file, `${value}\n`, { mode: 0o600, flag: "wx" }).catch(async (err) => {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  });
  await chmod(file, 0o600);
  const stored = (await readFile(file, "utf8")).trim();
  return { value: stored, source: stored === value ? "generated" : "file", file };
}

export const generateMasterKey = () => randomBytes(32).toString("base64");
export const generateAdminToken = () => randomBytes(24).toString("base64url");
