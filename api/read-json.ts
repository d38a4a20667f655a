import type { Context } from "hono";
import { AppError } from "../core/platform/errors.ts";

export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new AppError("BAD_REQUEST", "body: must be JSON", { details: { field: "body" } });
  }
}
