import type { Env } from "./config.ts";

/** Separate API and worker processes can only meet through Postgres and Redis. */
export function requireSharedInfra(env: Env, role: string): string | null {
  const missing = [!env.DATABASE_URL && "DATABASE_URL", !env.REDIS_URL && "REDIS_URL"].filter(Boolean);
  if (missing.length === 0) return null;
  return `npm run ${role} runs on its own and needs ${missing.join(" and ")}; for everything in one process use npm start`;
}
