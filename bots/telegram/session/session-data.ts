// Conversation state kept per chat (Postgres, so it survives a restart). Secrets are sealed before they land here.

export type Flow =
  | { kind: "link"; step: "key" | "secret" | "password"; exchange: string; sealedKey?: string; sealedSecret?: string }
  | {
      kind: "subscribe";
      step: "strategy" | "account" | "mode" | "value" | "leverage";
      strategyId?: string;
      accountId?: string;
      mode?: "risk" | "fixed" | "multiplier";
      value?: string;
    }
  | {
      kind: "setting";
      subscriptionId: string;
      field: "sizing" | "tpPerc" | "slPerc" | "maxOpenPositions" | "maxSlippagePerc" | "takeProfitSplit";
      mode?: "risk" | "fixed" | "multiplier";
    }
  | { kind: "guardrail"; accountId: string; field: "dailyLossLimitPerc" | "dailyProfitLockPerc" }
  | { kind: "2fa-confirm"; qrMessageId?: number }
  | { kind: "2fa-disable" }
  | { kind: "panic" }
  // The terms and the country asked before a money-touching command; `then` is that command, to go on with.
  | { kind: "onboarding"; step: "terms" | "country"; then?: "link" | "subscribe" | "accounts" };

export interface SessionData {
  flow?: Flow & { startedAt: number };
}

export const FLOW_TTL_MS = 10 * 60_000;

export const initialSession = (): SessionData => ({});
