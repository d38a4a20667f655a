// npm run db:generate (and postinstall): `prisma generate` on a fresh clone without network. The CLI insists on
// locating a native schema engine even though generating never runs it; Mimic migrates with the wasm engine
// (core/platform/db/schema-engine.ts), so any existing executable satisfies the check.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
// Run with this Node rather than through the shebang, which could pick an older system Node.
const prismaCli = fileURLToPath(new URL("../node_modules/.bin/prisma", import.meta.url));

const child = spawn(process.execPath, [prismaCli, "generate", ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    // No update check or telemetry call: installs must work offline.
    CHECKPOINT_DISABLE: process.env.CHECKPOINT_DISABLE ?? "1",
    PRISMA_HIDE_UPDATE_MESSAGE: process.env.PRISMA_HIDE_UPDATE_MESSAGE ?? "1",
  },
});
child.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
