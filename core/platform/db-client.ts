import type { PrismaClient } from "../../generated/prisma/client.ts";

/** What core receives: the Prisma client, whichever adapter (Postgres, PGlite) sits under it. */
export type DbClient = PrismaClient;
