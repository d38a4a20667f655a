import { Hono } from "hono";
import { z } from "zod";
import { extendPlan } from "../../core/billing/extend-plan.ts";
import { createPlan, listPlans, updatePlan } from "../../core/billing/manage-plans.ts";
import { userPlanDetail } from "../../core/billing/user-plan-detail.ts";
import { positiveDecimal } from "../../core/platform/number-input.ts";
import { parseInput } from "../../core/platform/validation.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";
import { readJson } from "../read-json.ts";
import { remoteAddress } from "../remote-address.ts";

const fields = {
  name: z.string({ error: "is required" }).trim().min(1, { error: "is required" }).max(100),
  priceUsd: positiveDecimal({ example: "29.99" }),
  periodDays: z.number({ error: "must be a whole number of days" }).int().min(1).max(3650),
  strategies: z.union(
    [
      z.literal("all"),
      z.array(z.string().trim().min(1)).min(1, { error: 'list at least one strategy slug, or use "all"' }),
    ],
    { error: 'must be a list of strategy slugs, or "all"' },
  ),
  maxAccounts: z.number({ error: "must be a whole number" }).int().min(1).max(1000).nullable(),
  active: z.boolean({ error: "must be true or false" }),
};

const planBody = z
  .object({ ...fields, maxAccounts: fields.maxAccounts.optional(), active: fields.active.optional() })
  .strict();
const planPatch = z
  .object(
    Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
    },
  )
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: "give at least one field to change" });
const grantBody = z
  .object({
    planId: z.uuid({ error: "must be a plan id" }),
    days: z.number({ error: "must be a whole number of days" }).int().min(1).max(3650),
  })
  .strict();
const planId = z.uuid({ error: "must be a plan id" });
const userId = z.uuid({ error: "must be a user id" });

/**
 * Plans (docs/api.md, "Plans"; docs/payments.md). Behind the admin bearer token, which admin.ts installs for
 * /api/admin/*. A grant by hand is audited like a payment, as "admin:api".
 */
export function adminPlanRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get("/api/admin/plans", async (c) => c.json({ plans: await listPlans(deps) }));

  app.post("/api/admin/plans", async (c) => {
    const body = parseInput(planBody, await readJson(c));
    return c.json(await createPlan(body, deps), 201);
  });

  app.patch("/api/admin/plans/:id", async (c) => {
    const id = parseInput(planId, c.req.param("id"));
    const body = parseInput(planPatch, await readJson(c));
    return c.json(await updatePlan({ planId: id, ...body }, deps));
  });

  app.get("/api/admin/users/:id", async (c) => {
    const id = parseInput(userId, c.req.param("id"));
    return c.json(await userPlanDetail({ userId: id }, deps));
  });

  app.post("/api/admin/users/:id/plan", async (c) => {
    const id = parseInput(userId, c.req.param("id"));
    const body = parseInput(grantBody, await readJson(c));
    const ip = remoteAddress(c);
    const granted = await extendPlan(
      { userId: id, planId: body.planId, days: body.days, from: "admin", actor: "admin:api", ip },
      deps,
    );
    return c.json({
      planId: granted.planId,
      activeUntil: granted.activeUntil.toISOString(),
      previousUntil: granted.previousUntil?.toISOString() ?? null,
    });
  });
  return app;
}
