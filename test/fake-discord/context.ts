import type { FakeDiscordState } from "./state.ts";

/** What the routes, the gateway and the user simulations share. */
export interface FakeContext {
  readonly state: FakeDiscordState;
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  /** "http://127.0.0.1:<port>"; set once the server listens. */
  baseUrl: string;
  /** Sends a dispatch (op 0) to every identified gateway session that should receive it. */
  dispatch(event: string, data: unknown): void;
  readonly options: {
    /** Discord drops interactions not answered within 3 s (10062 Unknown interaction). */
    interactionDeadlineMs: number;
    /** Default for waits in InteractionHandle and friends. */
    waitTimeoutMs: number;
    /** "all" puts every set-up member in GUILD_CREATE; "intent" only the bot unless GuildMembers is on. */
    membersInGuildCreate: "all" | "intent";
  };
}
