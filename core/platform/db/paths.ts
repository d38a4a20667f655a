import { fileURLToPath } from "node:url";

// Resolved from this file rather than process.cwd() so tests, scripts and services agree whatever directory they start in.
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export const schemaPath = `${repoRoot}prisma/schema.prisma`;
export const migrationsDir = `${repoRoot}prisma/migrations`;
