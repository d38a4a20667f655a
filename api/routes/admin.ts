import { Hono } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { z } from "zod";
import { createUser } from "../../core/accounts/create-user.ts";
import { linkAccount } from "../../core/accounts/link-account.ts";
import { subscribe } from "../../core/copying/subscribe.ts";
import { dec } from "../../core/platform/decimal.ts";
import { AppError } from "../../core/platform/errors.ts";
import { positiveDecimal } from "../../core/platform/number-input.ts";
import { parseInput } from "../../core/platform/validation.ts";
import { getSignal } from "../../core/signals/get-signal.ts";
import { createStrategy, rotatePassphrase } from "../../core/strategies/create-strategy.ts";
import { updateStrategy } from "../../core/strategies/update-strategy.ts";
import { settingSchemas, sizingValueSchemas } from "../../core/subscriptions/subscription-settings.ts";
import { takeProfitSplitSchema } from "../../core/subscriptions/take-profit-split.ts";
import { trailingSettingSchema } from "../../core/subscriptions/trailing-setting.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";
import { readJson } from "../read-json.ts";

const snowflake = z.string().regex(/^\d{5,25}$/, { error: "must be a Discord id (digits)" });
// A role id may come as a role mention "<@&123>" copied from Discord.
const roleId = z
  .string()
  .transform((v) => v.trim().replace(/^<@&(\d+)>$/, "$1"))
  .pipe(snowflake);

const strategySettings = {
  name: z.string({ error: "is required" }).trim().min(1, { error: "is required" }).max(100),
  maxSignalAgeSec: z.number().int().min(1).max(86_400),
  ownerUserId: z.uuid({ error: "must be a user id" }).nullable(),
  subscriberRoleId: roleId.nullable(),
  subscriberRoleGuildId: snowflake.nullable(),
};

const strategyBody = z.object({
  name: strategySettings.name,
  slug: z.string().optional(),
  maxSignalAgeSec: strategySettings.maxSignalAgeSec.optional(),
  ownerUserId: strategySettings.ownerUserId.optional(),
  subscriberRoleId: strategySettings.subscriberRoleId.optional(),
  subscriberRoleGuildId: strategySettings.subscriberRoleGuildId.optional(),
});

const strategyPatch = z
  .object({
    name: strategySettings.name.optional(),
    maxSignalAgeSec: strategySettings.maxSignalAgeSec.optional(),
    ownerUserId: strategySettings.ownerUserId.optional(),
    subscriberRoleId: strategySettings.subscriberRoleId.optional(),
    subscriberRoleGuildId: strategySettings.subscriberRoleGuildId.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: "give at least one field to change" });

const userBody = z.object({
  displayName: z.string().max(100).optional(),
  telegramId: z.union([z.string(), z.number()]).transform(String).optional(),
  discordId: z.string().regex(/^\d+$/, { error: "must be a Discord snowflake" }).optional(),
});

const accountBody = z.object({
  exchange: z.string({ error: "is required" }).min(1, { error: "is required" }),
  label: z.string().max(100).optional(),
  apiKey: z.string().min(1).optional(),
  secret: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  paperBalance: positiveDecimal({ example: "10000" }).transform(dec).optional(),
});

// The chat's settings schemas, so that a value is accepted or refused with the same words either way. A value
// may be left out here: risk sizing then uses the signal's risk_perc, and subscribe() asks for the others.
const subscriptionBody = z.object({
  accountId: z.uuid({ error: "must be an account id" }),
  strategy: z.string({ error: "is required" }).min(1),
  sizing: z.discriminatedUnion(
    "mode",
    [
      z.object({ mode: z.literal("risk"), value: sizingValueSchemas.risk.optional() }),
      z.object({ mode: z.literal("fixed"), value: sizingValueSchemas.fixed.optional() }),
      z.object({ mode: z.literal("multiplier"), value: sizingValueSchemas.multiplier.optional() }),
    ],
    {
      error: (issue) =>
        issue.code === "invalid_union"
          ? 'must be "risk", "fixed" or "multiplier"'
          : issue.input === undefined
            ? "is required"
            : "must be an object with a mode and a value",
    },
  ),
  maxLeverage: settingSchemas.maxLeverage.optional(),
  tpPerc: settingSchemas.tpPerc.optional(),
  slPerc: settingSchemas.slPerc.optional(),
  maxOpenPositions: settingSchemas.maxOpenPositions.optional(),
  maxSlippagePerc: settingSchemas.maxSlippagePerc.optional(),
  trailing: trailingSettingSchema.optional(),
  dcaEnabled: z.boolean({ error: "must be true or false" }).optional(),
  takeProfitSplit: takeProfitSplitSchema.optional(),
});

const decOrUndefined = (value: string | undefined) => (value === undefined ? undefined : dec(value));

const uuidParam = z.uuid({ error: "must be an id" });

export function adminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(
    "/api/admin/*",
    bearerAuth({
      token: deps.adminToken,
      noAuthenticationHeader: { message: { error: { code: "UNAUTHORIZED", message: "bearer token required" } } },
      invalidToken: { message: { error: { code: "UNAUTHORIZED", message: "invalid bearer token" } } },
      invalidAuthenticationHeader: { message: { error: { code: "UNAUTHORIZED", message: "malformed Authorization" } } },
    }),
  );

  app.post("/api/admin/strategies", async (c) => {
    const body = parseInput(strategyBody, await readJson(c));
    const strategy = await createStrategy(body, deps);
    // Its slug may sit in the lookup's cache as unknown, from deliveries made before it existed.
    deps.strategies.forget(strategy.slug);
    const webhookUrl = `${deps.publicUrl.replace(/\/$/, "")}/webhooks/tradingview/${strategy.slug}`;
    return c.json({ ...strategy, webhookUrl }, 201);
  });

  app.patch("/api/admin/strategies/:id", async (c) => {
    const strategyId = parseInput(uuidParam, c.req.param("id"));
    const body = parseInput(strategyPatch, await readJson(c));
    return c.json(await updateStrategy({ strategyId, ...body }, deps));
  });

  app.post("/api/admin/strategies/:id/passphrase", async (c) => {
    const strategyId = parseInput(uuidParam, c.req.param("id"));
    const { slug, passphrase } = await rotatePassphrase({ strategyId }, deps);
    deps.strategies.forget(slug);
    return c.json({ passphrase }, 201);
  });

  app.post("/api/admin/users", async (c) => {
    const body = parseInput(userBody, await readJson(c));
    return c.json(await createUser(body, deps), 201);
  });

  app.post("/api/admin/users/:userId/accounts", async (c) => {
    const userId = parseInput(uuidParam, c.req.param("userId"));
    const body = parseInput(accountBody, await readJson(c));
    const exchanges = await deps.exchanges();
    const account = await linkAccount({ ...body, userId }, { ...deps, exchanges, logger: c.get("logger") });
    return c.json(account, 201);
  });

  app.post("/api/admin/subscriptions", async (c) => {
    const { sizing, tpPerc, slPerc, maxSlippagePerc, ...body } = parseInput(subscriptionBody, await readJson(c));
    const subscription = await subscribe(
      {
        ...body,
        sizing: { mode: sizing.mode, value: decOrUndefined(sizing.value) },
        tpPercOverride: decOrUndefined(tpPerc),
        slPercOverride: decOrUndefined(slPerc),
        maxSlippagePerc: decOrUndefined(maxSlippagePerc),
      },
      deps,
    );
    return c.json(subscription, 201);
  });

  app.get("/api/admin/signals/:id", async (c) => {
    const signalId = c.req.param("id");
    if (!uuidParam.safeParse(signalId).success) throw new AppError("NOT_FOUND", `signal ${signalId} does not exist`);
    return c.json(await getSignal({ signalId }, deps));
  });

  return app;
}
