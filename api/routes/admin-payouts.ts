import { Hono } from "hono";
import { z } from "zod";
import type { AdminActor } from "../../core/admin/audit.ts";
import { listPayouts } from "../../core/billing/referrals/list-payouts.ts";
import { markPayoutPaid } from "../../core/billing/referrals/mark-payout-paid.ts";
import { refundPayment } from "../../core/billing/referrals/refund-payment.ts";
import { rejectPayout } from "../../core/billing/referrals/reject-payout.ts";
import { parseInput } from "../../core/platform/validation.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";
import { readJson } from "../read-json.ts";
import { remoteAddress } from "../remote-address.ts";

const id = z.uuid({ error: "must be an id" });
const listQuery = z.object({ status: z.enum(["requested", "paid", "rejected"]).optional() });
const paidBody = z
  .object({ txid: z.string({ error: "is required" }).trim().min(4, { error: "is required" }).max(200) })
  .strict();
const reasonBody = z.object({ reason: z.string().trim().max(500).optional() }).strict();

/**
 * Referral payouts and payment refunds (docs/api.md, "Referrals and payouts"). Behind the admin bearer token
 * (admin.ts installs it for /api/admin/*); marking paid and refunding are audited as "admin:api".
 */
export function adminPayoutRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const who = (c: Parameters<typeof remoteAddress>[0]): AdminActor => ({
    actor: "admin:api",
    ip: remoteAddress(c) ?? null,
  });

  app.get("/api/admin/payouts", async (c) => {
    const query = parseInput(listQuery, c.req.query());
    return c.json({ payouts: await listPayouts(query, deps) });
  });

  app.post("/api/admin/payouts/:id/paid", async (c) => {
    const payoutId = parseInput(id, c.req.param("id"));
    const body = parseInput(paidBody, await readJson(c));
    return c.json(await markPayoutPaid({ payoutId, txid: body.txid }, { ...deps, who: who(c) }));
  });

  app.post("/api/admin/payouts/:id/reject", async (c) => {
    const payoutId = parseInput(id, c.req.param("id"));
    const body = parseInput(reasonBody, (await c.req.text()).trim() ? await readJson(c) : {});
    return c.json(await rejectPayout({ payoutId, reason: body.reason }, { ...deps, who: who(c) }));
  });

  app.post("/api/admin/payments/:id/refund", async (c) => {
    const paymentId = parseInput(id, c.req.param("id"));
    // The body is optional: an empty POST refunds without a reason.
    const body = parseInput(reasonBody, (await c.req.text()).trim() ? await readJson(c) : {});
    return c.json(await refundPayment({ paymentId, reason: body.reason }, { ...deps, who: who(c) }));
  });
  return app;
}
