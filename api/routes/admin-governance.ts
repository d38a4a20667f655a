import { Hono } from "hono";
import { z } from "zod";
import type { AdminActor } from "../../core/admin/audit.ts";
import { addCommunityChannelAsAdmin, removeCommunityChannelAsAdmin } from "../../core/channels/community-channel.ts";
import { createProposalAsAdmin, reviewProposal } from "../../core/community/governance/create-proposal.ts";
import { getProposal, listProposals } from "../../core/community/governance/get-proposal.ts";
import { proposalInput } from "../../core/community/governance/proposal-input.ts";
import { setElite } from "../../core/community/governance/set-elite.ts";
import { parseInput } from "../../core/platform/validation.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";
import { readJson } from "../read-json.ts";
import { remoteAddress } from "../remote-address.ts";

const userId = z.uuid({ error: "must be a user id" });
const proposalId = z.uuid({ error: "must be a proposal id" });
const eliteBody = z.object({ elite: z.boolean({ error: "must be true or false" }) }).strict();
const proposalBody = proposalInput.strict();
const proposalQuery = z.object({ votes: z.enum(["0", "1", "true", "false"]).optional() });
const channelBody = z
  .object({
    transport: z.enum(["telegram", "discord"], { error: "must be telegram or discord" }),
    // A Telegram group id is negative ("-1001234567890"); a Discord channel id is a snowflake.
    chatId: z
      .union([z.string(), z.number()])
      .transform(String)
      .pipe(z.string().regex(/^-?\d{1,25}$/, { error: "must be a chat id" })),
    guildId: z
      .string()
      .regex(/^\d{5,25}$/)
      .optional(),
  })
  .strict();
const listQuery = z.object({ status: z.enum(["pending_approval", "open", "ended", "rejected"]).optional() });

/**
 * Governance (docs/api.md, "Governance"): elite grants, proposals, approvals and results. Behind the admin bearer
 * token (admin.ts installs it for /api/admin/*); every change is audited as "admin:api". Who voted what is
 * shown here only, with `?votes=1`.
 */
export function adminGovernanceRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const who = (c: Parameters<typeof remoteAddress>[0]): AdminActor => ({
    actor: "admin:api",
    ip: remoteAddress(c) ?? null,
  });

  app.patch("/api/admin/users/:id", async (c) => {
    const id = parseInput(userId, c.req.param("id"));
    const body = parseInput(eliteBody, await readJson(c));
    return c.json(await setElite({ userId: id, elite: body.elite }, { ...deps, who: who(c) }));
  });

  app.get("/api/admin/proposals", async (c) => {
    return c.json(await listProposals(parseInput(listQuery, c.req.query()), deps));
  });

  app.post("/api/admin/proposals", async (c) => {
    const body = parseInput(proposalBody, await readJson(c));
    return c.json(await createProposalAsAdmin(body, { ...deps, who: who(c) }), 201);
  });

  app.get("/api/admin/proposals/:id", async (c) => {
    const id = parseInput(proposalId, c.req.param("id"));
    const { votes } = parseInput(proposalQuery, c.req.query());
    return c.json(await getProposal({ proposalId: id, withVotes: votes === "1" || votes === "true" }, deps));
  });

  app.get("/api/admin/community-channels", async (c) => {
    const channels = await deps.db.communityChannel.findMany({ orderBy: { createdAt: "asc" } });
    return c.json({ channels });
  });

  app.post("/api/admin/community-channels", async (c) => {
    const body = parseInput(channelBody, await readJson(c));
    const added = await addCommunityChannelAsAdmin(body, { ...deps, who: who(c) });
    return c.json(added, added.created ? 201 : 200);
  });

  app.delete("/api/admin/community-channels/:id", async (c) => {
    const id = parseInput(z.uuid({ error: "must be a channel id" }), c.req.param("id"));
    await removeCommunityChannelAsAdmin({ id }, { ...deps, who: who(c) });
    return c.body(null, 204);
  });

  for (const decision of ["approve", "reject"] as const) {
    app.post(`/api/admin/proposals/:id/${decision}`, async (c) => {
      const id = parseInput(proposalId, c.req.param("id"));
      return c.json(await reviewProposal({ proposalId: id, decision }, { ...deps, who: who(c) }));
    });
  }
  return app;
}
