import { z } from "zod";

// Chat messages and buttons stay readable: a Discord button label holds 80 characters, an embed title 256.
export const proposalTitle = z.string({ error: "is required" }).trim().min(3, { error: "is too short" }).max(200);
export const proposalOption = z.string({ error: "is required" }).trim().min(1, { error: "is required" }).max(80);
export const proposalOptions = z
  .array(proposalOption, { error: "must be a list of 2 to 6 options" })
  .min(2, { error: "must have 2 to 6 options" })
  .max(6, { error: "must have 2 to 6 options" })
  .refine((o) => new Set(o.map((s) => s.toLowerCase())).size === o.length, { error: "must all differ" });

/** A proposal as an admin (API) or an elite user (/propose) writes it. */
export const proposalInput = z.object({
  title: proposalTitle,
  description: z.string().trim().max(2000).default(""),
  options: proposalOptions,
  endsAt: z.coerce.date({ error: "must be a date (ISO 8601)" }),
  quorum: z.number().int().min(1).max(1_000_000).nullable().optional(),
});
export type ProposalInput = z.infer<typeof proposalInput>;

/** The options as stored (Json): read defensively, a row is never trusted to be well-formed. */
export function storedOptions(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.map(String) : [];
}
