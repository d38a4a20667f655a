import { Hono } from "hono";
import { z } from "zod";
import { parseInput } from "../../core/platform/validation.ts";
import { closeTicket } from "../../core/support/tickets/close-ticket.ts";
import { getTicket } from "../../core/support/tickets/get-ticket.ts";
import { listTickets } from "../../core/support/tickets/list-tickets.ts";
import { replyAsAdmin } from "../../core/support/tickets/reply-as-admin.ts";
import type { AppDeps } from "../app-deps.ts";
import type { AdminEnv } from "./admin-env.ts";
import { renderPage } from "./render.tsx";
import { TicketsView, TicketView } from "./views/tickets-view.tsx";

const ticketsQuery = z.object({
  status: z.enum(["open", "closed"]).catch("open"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
const ticketId = z.uuid({ error: "must be a ticket id" });
const replyForm = z.object({
  text: z.string({ error: "is required" }).trim().min(1, { error: "is required" }).max(4000),
});
const NOTICES: Record<string, string> = {
  replied: "Reply sent: it reaches the follower in the chat they asked from.",
  closed: "Ticket closed.",
};

/**
 * Support tickets on the admin page (core/support/tickets): the list, one ticket with its conversation, and the
 * two actions, reply and close, audited with the session like every other action (the API's bearer routes in
 * api/routes/admin-support.ts do the same for scripts).
 */
export function adminTicketRoutes(deps: AppDeps) {
  const app = new Hono<AdminEnv>();
  const now = () => deps.clock.now();

  app.get("/admin/tickets", async (c) => {
    const query = parseInput(ticketsQuery, c.req.query());
    const found = await listTickets(query, deps);
    return renderPage(
      c,
      { title: "Support tickets", section: "tickets" },
      <TicketsView
        tickets={found.tickets}
        status={query.status}
        page={found.page}
        hasNext={found.hasNext}
        now={now()}
      />,
    );
  });

  app.get("/admin/tickets/:id", async (c) => {
    const t = await getTicket({ ticketId: parseInput(ticketId, c.req.param("id")) }, deps);
    const notice = NOTICES[c.req.query("done") ?? ""];
    return renderPage(c, { title: "Ticket", section: "tickets" }, <TicketView t={t} now={now()} notice={notice} />);
  });

  app.post("/admin/tickets/:id/reply", async (c) => {
    const id = parseInput(ticketId, c.req.param("id"));
    const { text } = parseInput(replyForm, await c.req.parseBody());
    await replyAsAdmin({ ticketId: id, text }, { db: deps.db, clock: deps.clock, who: c.get("who") });
    return c.redirect(`/admin/tickets/${id}?done=replied`, 303);
  });

  app.post("/admin/tickets/:id/close", async (c) => {
    const id = parseInput(ticketId, c.req.param("id"));
    await closeTicket({ ticketId: id }, { db: deps.db, clock: deps.clock, who: c.get("who") });
    return c.redirect(`/admin/tickets/${id}?done=closed`, 303);
  });
  return app;
}
