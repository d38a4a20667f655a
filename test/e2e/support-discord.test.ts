import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscordDeps } from "../../bots/discord/discord-deps.ts";
import { createDiscordNotifier } from "../../bots/discord/notifications/discord-notifier.ts";
import { listeners } from "../../bots/discord/registry.ts";
import { type RunningDiscord, startDiscord } from "../../bots/discord/start-discord.ts";
import { wording } from "../../bots/shared/wording/translator.ts";
import { unknownKeyPermissions } from "../../core/accounts/key-permissions.ts";
import { silentLogger } from "../../core/platform/logger.ts";
import { createSupportKnowledge } from "../../core/support/knowledge/support-knowledge.ts";
import { supportDepsFromEnv } from "../../core/support/support-from-env.ts";
import { createTestDatabase } from "../db.ts";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/start-fake-discord.ts";
import { createHarness, type Harness } from "../harness.ts";

// Support in Discord with the real discord.js client against the fake Discord, without an OpenAI key (BM25 over
// docs/): /ask answers privately with the two buttons, "Talk to a human" opens a ticket, the admin's reply arrives
// as a DM, and the follower's DM lands in the ticket.
describe("support through Discord (bm25)", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let fake: FakeDiscord;
  let h: Harness;
  let bot: RunningDiscord;
  let follower: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    fake = await startFakeDiscord();
    follower = fake.addUser({ username: "follower", globalName: "Follower" }).id;
    const translator = wording();
    const notifier = createDiscordNotifier({ token: fake.token, apiRoot: fake.apiRoot, translator });
    h = createHarness({ db: testDb.db, notifiers: [notifier] });
    const knowledge = createSupportKnowledge(
      { embeddingModel: "text-embedding-3-small" },
      { db: testDb.db, logger: silentLogger },
    );
    await knowledge.ingest();
    const env = {
      OPENAI_API_KEY: undefined,
      OPENAI_BASE_URL: undefined,
      OPENAI_MODEL: "gpt-test",
      SUPPORT_MIN_CONFIDENCE: 0.6,
      SUPPORT_QUESTIONS_PER_HOUR: 20,
      SUPPORT_ADMIN_TELEGRAM_CHAT: undefined,
      SUPPORT_ADMIN_DISCORD_CHANNEL: undefined,
      SUPPORT_DOCS_URL: "https://github.com/mimic/mimic/blob/main",
    };
    const deps: DiscordDeps = {
      db: testDb.db.prisma,
      cipher: h.deps.cipher,
      exchanges: h.exchanges,
      keyPermissions: unknownKeyPermissions,
      clock: { now: () => new Date() },
      logger: silentLogger,
      translator,
      linkableExchanges: ["paper"],
      totpIssuer: "Mimic",
      adminIds: [],
      queue: h.queue,
      dedupeWindowSec: 30,
      support: supportDepsFromEnv(env, { db: testDb.db.prisma, clock: h.deps.clock, logger: silentLogger, knowledge }),
    };
    // The product's listeners minus the signal channels' loops, which this test has no use for.
    const dm = listeners.filter((l) => l.name === "support-dm");
    bot = await startDiscord({ token: fake.token, apiRoot: fake.apiRoot, notifySweepMs: 100, listeners: dm }, deps);
  });
  afterAll(async () => {
    await bot?.stop();
    await h?.close();
    await fake?.close();
    await testDb?.drop();
  });

  it("/ask, Talk to a human, the admin's reply by DM, and the follower's answer by DM", async () => {
    const asked = await fake
      .command({ name: "ask", options: { question: "How do I link Binance?" }, userId: follower })
      .seen();
    expect(asked.ephemeral).toBe(true);
    expect(asked.text).toMatch(/Here is what the documentation says/);
    expect(asked.text).toMatch(/\]\(https:\/\/github\.com\/mimic\/mimic\/blob\/main\/docs\/[\w-]+\.md#[\w-]+\)/);

    const human = await fake
      .clickButton({ messageId: asked.messages[0]?.id ?? "", userId: follower, label: "Talk to a human" })
      .seen();
    const ref = /ticket #([0-9a-f]{8})/.exec(human.text)?.[1];
    expect(ref).toBeDefined();
    const { tickets } = await h.admin<{ tickets: { id: string }[] }>("GET", "/api/admin/tickets?status=open");
    const ticket = tickets.find((t) => t.id.startsWith(ref ?? "-"));

    await h.admin("POST", `/api/admin/tickets/${ticket?.id}/replies`, { text: "Which error do you get?" });
    const reply = await fake.waitForDm(follower, (m) => JSON.stringify(m.embeds).includes("Which error do you get?"));
    expect(JSON.stringify(reply.embeds)).toContain(`Reply from support on ticket #${ref}`);

    fake.postMessage({ dmFrom: follower, content: "Invalid API key, code -2015" });
    const added = await fake.waitForDm(follower, (m) => m.content.startsWith("Added to ticket"));
    expect(added.content).toContain(`#${ref}`);
    const full = await h.admin<{ messages: { author: string; text: string }[] }>(
      "GET",
      `/api/admin/tickets/${ticket?.id}`,
    );
    expect(full.messages.at(-1)).toMatchObject({ author: "follower", text: "Invalid API key, code -2015" });
    expect(fake.unexpectedRequests()).toEqual([]);
  });
});
