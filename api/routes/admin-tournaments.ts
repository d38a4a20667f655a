import { Hono } from "hono";
import { z } from "zod";
import { createTournament } from "../../core/community/tournaments/create-tournament.ts";
import { getTournament, listTournaments } from "../../core/community/tournaments/list-tournaments.ts";
import { parseInput } from "../../core/platform/validation.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";
import { readJson } from "../read-json.ts";

const when = z.iso.datetime({ offset: true, error: "must be an ISO 8601 time" }).transform((v) => new Date(v));
const tournamentBody = z
  .object({
    name: z.string({ error: "is required" }).trim().min(1, { error: "is required" }).max(100),
    startsAt: when,
    endsAt: when,
    minTrades: z.number({ error: "must be a whole number" }).int().min(1).max(10_000).default(1),
    prize: z.string().trim().max(200).nullish(),
  })
  .strict();
const tournamentId = z.uuid({ error: "must be a tournament id" });

/**
 * Tournaments (docs/api.md, "Tournaments"). Behind the admin bearer token, which admin.ts installs for
 * /api/admin/*.
 */
export function adminTournamentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post("/api/admin/tournaments", async (c) => {
    const body = parseInput(tournamentBody, await readJson(c));
    return c.json(await createTournament(body, deps), 201);
  });

  app.get("/api/admin/tournaments", async (c) => c.json(await listTournaments(deps)));

  app.get("/api/admin/tournaments/:id", async (c) => {
    const id = parseInput(tournamentId, c.req.param("id"));
    return c.json(await getTournament({ tournamentId: id }, deps));
  });
  return app;
}
