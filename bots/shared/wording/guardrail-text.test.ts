import { describe, expect, it } from "vitest";
import type { GuardrailState } from "../../../core/guardrails/guardrail-state.ts";
import type { NotificationMessage } from "../../../core/notifications/notification-message.ts";
import { guardrailListLines, guardrailSummary, readGuardrailValue } from "./guardrail-text.ts";
import { notificationText } from "./notification-text.ts";
import { wording } from "./translator.ts";

const en = wording().forLocale("en");
const es = wording().forLocale("es");

const state = (s: Partial<GuardrailState>): GuardrailState => ({
  accountId: "a",
  dailyLossLimitPerc: null,
  dailyProfitLockPerc: null,
  guardDay: null,
  guardDayStartEquity: null,
  haltedUntil: null,
  haltReason: null,
  halted: false,
  ...s,
});

describe("daily guardrails in the bots' words", () => {
  it("tells a tripped guardrail with the day's PnL, the limit, and what Mimic did", () => {
    const m: NotificationMessage = {
      kind: "guardrail",
      reason: "daily_loss",
      account: "Main",
      day: "2026-12-06",
      pnl: "-512.40",
      pnlPerc: "-5.12",
      limitPerc: "5",
      quote: "USDT",
      trades: 2,
    };
    expect(notificationText(m, en)).toBe(
      "Daily loss limit reached on Main: -512.40 USDT today (-5.12%, limit 5%). Mimic closed its 2 open trades there and opens nothing new until 00:00 UTC.",
    );
    const profit = {
      ...m,
      reason: "daily_profit" as const,
      pnl: "1051.00",
      pnlPerc: "10.51",
      limitPerc: "10",
      trades: 0,
    };
    expect(notificationText(profit, en)).toBe(
      "Daily profit lock reached on Main: +1051.00 USDT today (10.51%, lock 10%). Mimic opens nothing new there until 00:00 UTC.",
    );
    expect(notificationText({ ...m, trades: 1 }, es)).toBe(
      "Límite de pérdida diaria alcanzado en Main: -512.40 USDT hoy (-5.12 %, límite 5 %). Mimic cerró su operación abierta ahí y no abrirá nada nuevo hasta las 00:00 UTC.",
    );
  });

  it("lists limits only for an account that has one or is halted", () => {
    expect(guardrailListLines(state({}), en)).toEqual([]);
    expect(guardrailListLines(state({ dailyLossLimitPerc: "5" }), en)).toEqual([
      "Daily loss limit: 5% · daily profit lock: off",
    ]);
    expect(guardrailListLines(state({ halted: true, haltReason: "daily_loss" }), en)).toEqual([
      "Daily loss limit: off · daily profit lock: off",
      "Daily loss limit reached today: no new entries until 00:00 UTC.",
    ]);
    expect(
      guardrailSummary("Main (paper)", state({ dailyProfitLockPerc: "10" }), en)
        .split("\n")
        .slice(0, 3),
    ).toEqual(["Daily limits of Main (paper)", "Daily loss limit: off · daily profit lock: 10%", "Not halted today."]);
  });

  it("reads a typed limit, and the follower's own word for off", () => {
    expect(readGuardrailValue("dailyLossLimitPerc", " 2.5 ", en)).toEqual({ value: "2.5" });
    expect(readGuardrailValue("dailyLossLimitPerc", "", en)).toEqual({ value: null });
    expect(readGuardrailValue("dailyProfitLockPerc", "ninguno", es)).toEqual({ value: null });
    expect(readGuardrailValue("dailyLossLimitPerc", "200", en)).toEqual({ problem: "must be above 0 and at most 100" });
  });
});
