import { Hono } from "hono";
import { z } from "zod";
import { dec } from "../../core/platform/decimal.ts";
import { parseInput } from "../../core/platform/validation.ts";
import { settingSchemas, sizingValueSchemas } from "../../core/subscriptions/subscription-settings.ts";
import { takeProfitSplitSchema } from "../../core/subscriptions/take-profit-split.ts";
import { trailingSettingSchema } from "../../core/subscriptions/trailing-setting.ts";
import { updateSubscription } from "../../core/subscriptions/update-subscription.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";
import { readJson } from "../read-json.ts";

// A follower's settings on one subscription, as the bots' /settings change them (the same schemas, so a value is
// accepted or refused with the same words): null clears an override, the signal's own applies again.
const subscriptionPatch = z
  .object({
    status: z.enum(["active", "paused"], { error: 'must be "active" or "paused"' }).optional(),
    sizing: z
      .discriminatedUnion("mode", [
        z.object({ mode: z.literal("risk"), value: sizingValueSchemas.risk }),
        z.object({ mode: z.literal("fixed"), value: sizingValueSchemas.fixed }),
        z.object({ mode: z.literal("multiplier"), value: sizingValueSchemas.multiplier }),
      ])
      .optional(),
    maxLeverage: settingSchemas.maxLeverage.nullable().optional(),
    tpPerc: settingSchemas.tpPerc.nullable().optional(),
    slPerc: settingSchemas.slPerc.nullable().optional(),
    maxOpenPositions: settingSchemas.maxOpenPositions.nullable().optional(),
    maxSlippagePerc: settingSchemas.maxSlippagePerc.nullable().optional(),
    trailing: trailingSettingSchema.optional(),
    dcaEnabled: z.boolean({ error: "must be true or false" }).optional(),
    takeProfitSplit: takeProfitSplitSchema.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: "give at least one field to change" });

const uuidParam = z.uuid({ error: "must be an id" });
const decOrNull = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : dec(v));

/** PATCH /api/admin/subscriptions/:id (behind the admin bearer token, see admin.ts). */
export function adminSubscriptionRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.patch("/api/admin/subscriptions/:id", async (c) => {
    const subscriptionId = parseInput(uuidParam, c.req.param("id"));
    const body = parseInput(subscriptionPatch, await readJson(c));
    const { sizing, tpPerc, slPerc, maxSlippagePerc, ...rest } = body;
    await updateSubscription(
      {
        userId: null,
        subscriptionId,
        actor: "admin:api",
        change: {
          ...rest,
          ...(sizing && { sizing: { mode: sizing.mode, value: dec(sizing.value) } }),
          tpPercOverride: decOrNull(tpPerc),
          slPercOverride: decOrNull(slPerc),
          maxSlippagePerc: decOrNull(maxSlippagePerc),
        },
      },
      deps,
    );
    const row = await deps.db.subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
    return c.json(row);
  });
  return app;
}
