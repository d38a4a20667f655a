import { Hono } from "hono";
import { z } from "zod";
import { guardrailChangeSchema } from "../../core/guardrails/guardrail-settings.ts";
import type { GuardrailState } from "../../core/guardrails/guardrail-state.ts";
import { setGuardrails } from "../../core/guardrails/set-guardrails.ts";
import { parseInput } from "../../core/platform/validation.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";
import { readJson } from "../read-json.ts";

const accountId = z.uuid({ error: "must be an account id" });

/** An account's settings: its daily guardrails. Behind the admin bearer token (admin.ts guards /api/admin/*). */
export function adminAccountRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.patch("/api/admin/accounts/:id", async (c) => {
    const id = parseInput(accountId, c.req.param("id"));
    const change = parseInput(guardrailChangeSchema, await readJson(c));
    const state = await setGuardrails({ accountId: id, actor: "admin", change }, deps);
    c.get("logger").info({ accountId: id, fields: Object.keys(change) }, "account guardrails changed");
    return c.json(guardrailJson(state));
  });

  return app;
}

const guardrailJson = (s: GuardrailState) => ({
  id: s.accountId,
  dailyLossLimitPerc: s.dailyLossLimitPerc,
  dailyProfitLockPerc: s.dailyProfitLockPerc,
  guardDay: s.guardDay,
  guardDayStartEquity: s.guardDayStartEquity,
  halted: s.halted,
  haltedUntil: s.haltedUntil?.toISOString() ?? null,
  haltReason: s.haltReason,
});
