import { Hono } from "hono";
import { z } from "zod";
import type { AdminActor } from "../../core/admin/audit.ts";
import { parseInput } from "../../core/platform/validation.ts";
import { closeTicket } from "../../core/support/tickets/close-ticket.ts";
import { getTicket } from "../../core/support/tickets/get-ticket.ts";
import { listTickets } from "../../core/support/tickets/list-tickets.ts";
import { replyAsAdmin } from "../../core/support/tickets/reply-as-admin.ts";
import { sendAdminMessage } from "../../core/support/tickets/send-admin-message.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";
import { readJson } from "../read-json.ts";
import { remoteAddress } from "../remote-address.ts";

const ticketsQuery = z.object({
  status: z.enum(["open", "closed"], { error: "must be open or closed" }).optional(),
  page: z.coerce.number({ error: "must be a whole number" }).int().min(1).max(100_000).default(1),
});
const ticketId = z.uuid({ error: "must be a ticket id" });
// Chat messages: Telegram takes 4096 characters, a Discord embed's description 4096 too.
const text = z.string({ error: "is required" }).trim().min(1, { error: "is required" }).max(3500);
const replyBody = z.object({ text }).strict();
const messageBody = z.union(
  [
    z.object({ userId: z.uuid({ error: "must be a user id" }), text }).strict(),
    z.object({ strategy: z.string().trim().min(1, { error: "is required" }).max(100), text }).strict(),
  ],
  { error: 'give {"userId", "text"} or {"strategy", "text"}' },
);

/**
 * Support tickets and messages to followers (docs/api.md, "Support"). Behind the admin bearer token (admin.ts
 * installs it for /api/admin/*); every change is audited as "admin:api".
 */
export function adminSupportRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const who = (c: Parameters<typeof remoteAddress>[0]): AdminActor => ({
    actor: "admin:api",
    ip: remoteAddress(c) ?? null,
  });

  app.get("/api/admin/tickets", async (c) => {
    const query = parseInput(ticketsQuery, c.req.query());
    return c.json(await listTickets(query, deps));
  });

  app.get("/api/admin/tickets/:id", async (c) => {
    const id = parseInput(ticketId, c.req.param("id"));
    return c.json(await getTicket({ ticketId: id }, deps));
  });

  app.post("/api/admin/tickets/:id/replies", async (c) => {
    const id = parseInput(ticketId, c.req.param("id"));
    const body = parseInput(replyBody, await readJson(c));
    const reply = await replyAsAdmin({ ticketId: id, text: body.text }, { ...deps, who: who(c) });
    return c.json(reply, 201);
  });

  app.post("/api/admin/tickets/:id/close", async (c) => {
    const id = parseInput(ticketId, c.req.param("id"));
    return c.json(await closeTicket({ ticketId: id }, { ...deps, who: who(c) }));
  });

  app.post("/api/admin/messages", async (c) => {
    const body = parseInput(messageBody, await readJson(c));
    return c.json(await sendAdminMessage(body, { ...deps, who: who(c) }), 201);
  });
  return app;
}
