import { expect, it } from "vitest";
import { migrationsDir, schemaPath } from "./paths.ts";
import { diffMigrationsToSchema } from "./schema-engine.ts";

it("prisma/migrations builds exactly what schema.prisma describes", async () => {
  const missing = await diffMigrationsToSchema({ migrationsDir, schemaPath });
  expect(missing, "schema.prisma changed without a migration: run `npm run db:migration -- <name>`").toBeNull();
});
