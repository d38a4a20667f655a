import type { z } from "zod";
import { AppError } from "./errors.ts";

/** Parses at an edge; a failure is a BAD_REQUEST whose message names the first offending field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({
    field: issue.path.join(".") || "body",
    message: issue.message,
  }));
  const first = fields[0] ?? { field: "body", message: "is invalid" };
  return badRequest(`${first.field}: ${first.message}`, { field: first.field, fields });
}

function badRequest(message: string, details: Record<string, unknown>): never {
  throw new AppError("BAD_REQUEST", message, { details });
}
