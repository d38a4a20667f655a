import type { AdminActor } from "../../core/admin/audit.ts";
import type { AppEnv } from "../app-deps.ts";

/** The app's variables plus the signed-in operator, set by the session guard. */
export interface AdminEnv {
  Variables: AppEnv["Variables"] & { who: AdminActor };
}
