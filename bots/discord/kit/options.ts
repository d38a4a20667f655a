import type { z } from "zod";
import { AppError } from "../../../core/platform/errors.ts";
import type { CommandInput } from "./handler-input.ts";

/**
 * A command's options through its zod schema: Discord checks types, the schema checks the rest. A refusal says
 * what is wrong and names the option (the router turns it into a private answer); nothing has been done yet.
 */
export function parseOptions<S extends z.ZodType>(schema: S, input: Pick<CommandInput, "options">): z.infer<S> {
  const parsed = schema.safeParse(input.options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join(".") ?? "";
  throw new AppError("BAD_REQUEST", `${issue?.message ?? "invalid option"}${path ? ` (${path})` : ""}`, {
    details: { field: path },
  });
}
