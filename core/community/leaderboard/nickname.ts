import { z } from "zod";

/** Names nobody may take, in any case or spelling with separators: they would read as Mimic speaking. */
const RESERVED = ["admin", "mimic"];

/**
 * A leaderboard nickname: 3–20 of [A-Za-z0-9_-]. Only these characters, so a nickname cannot carry markup,
 * mentions or look-alike letters; and none containing "admin" or "mimic" (with or without separators, 0 for o,
 * 1 for i), so no one passes for the platform or its staff.
 */
export const nicknameSchema = z
  .string({ error: "is required" })
  .trim()
  .min(3, { error: "must be 3 to 20 characters" })
  .max(20, { error: "must be 3 to 20 characters" })
  .regex(/^[A-Za-z0-9_-]+$/, { error: "may hold only letters A-Z, digits, _ and -" })
  .refine((n) => !impersonates(n), { error: "is reserved" });

function impersonates(nickname: string): boolean {
  const plain = nickname.toLowerCase().replace(/[_-]/g, "").replace(/0/g, "o").replace(/[1l]/g, "i");
  return RESERVED.some((r) => plain.includes(r.replace(/l/g, "i")));
}
