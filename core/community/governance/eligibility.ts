import { ELITE_LEVEL } from "../levels.ts";

/** Who may vote and propose: Elite by level, or granted by an admin (User.elite). */
export function isEligibleVoter(user: { elite: boolean; level: number }): boolean {
  return user.elite || user.level >= ELITE_LEVEL;
}
