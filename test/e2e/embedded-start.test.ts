import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/start-fake-discord.ts";
import { freePort, type Proc, startEntry } from "../processes.ts";

// The newcomer's path: `npm start` with no environment at all (PGlite, in-process jobs, generated secrets), plus
// a Discord bot token, which is all it takes to have the Discord bot in the same process.
describe("npm start on embedded defaults", () => {
  let dataDir: string;
  let proc: Proc;
  let api = "";
  let token = "";
  let discord: FakeDiscord;
  let admin: string;
  let guild: ReturnType<FakeDiscord["addGuild"]>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "mimic-embedded-"));
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    discord = await startFakeDiscord();
    admin = discord.addUser({ username: "operator" }).id;
    guild = discord.addGuild({ name: "Community", ownerId: admin, channels: [{ name: "signals" }] });
    proc = startEntry("main.ts", {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      DISCORD_BOT_TOKEN: discord.token,
      DISCORD_API_ROOT: discord.apiRoot,
      DISCORD_ADMIN_IDS: admin,
    });
    await proc.waitFor(/mimic is up/, 60_000);
    token = (await readFile(path.join(dataDir, "admin.token"), "utf8")).trim();
  }, 90_000);

  afterAll(async () => {
    expect(await proc?.stop()).toBe(0);
    await discord?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const call = async (method: string, route: string, body?: unknown, auth = true) => {
    const res = await fetch(`${api}${route}`, {
      method,
      headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  it("says where its secrets are and which parts are on", async () => {
    const out = proc.output();
    expect(out).toMatch(/ADMIN_TOKEN was not set: generated one/);
    expect(out).toMatch(/"database":"pglite"/);
    expect(out).toMatch(/"queue":"in-process"/);
    expect(out).toMatch(/"telegram":"off/);
    expect(out).toMatch(/"discord":"on/);
    expect(out).not.toContain(token);
    expect((await stat(path.join(dataDir, "master.key"))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dataDir, "admin.token"))).mode & 0o777).toBe(0o600);
  });

  it("takes a strategy, three paper followers and a webhook to three filled orders, published on Discord", async () => {
    const strategy = (await call("POST", "/api/admin/strategies", { name: "Newcomer" })).json;
    const channelId = guild.channelId("signals");
    const bound = await discord
      .command({
        name: "channel publish",
        options: { strategy: String(strategy.slug) },
        userId: admin,
        guildId: guild.id,
        channelId,
      })
      .seen();
    expect(bound.text).toMatch(/Newcomer/);
    for (let i = 0; i < 3; i++) {
      const user = (await call("POST", "/api/admin/users", {})).json;
      const account = (await call("POST", `/api/admin/users/${user.id}/accounts`, { exchange: "paper" })).json;
      await call("POST", "/api/admin/subscriptions", {
        accountId: account.id,
        strategy: strategy.slug,
        sizing: { mode: "fixed", value: 500 },
      });
    }
    const hook = await call(
      "POST",
      `/webhooks/tradingview/${strategy.slug}`,
      { passphrase: strategy.passphrase, symbol: "ETHUSDT.P", action: "short", price: "2500" },
      false,
    );
    expect(hook.status).toBe(202);
    let executions: { status: string; amount: string; side: string }[] = [];
    for (let i = 0; i < 100; i++) {
      executions = (await call("GET", `/api/admin/signals/${hook.json.signalId}`)).json.executions as typeof executions;
      if (executions.length === 3 && executions.every((e) => e.status === "filled")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(executions).toEqual(
      Array(3).fill(expect.objectContaining({ status: "filled", amount: "0.2", side: "sell" })),
    );
    const embed = await discord.waitForBotMessage(channelId, (m) => m.embeds.length > 0, 10_000);
    expect(discord.text(embed)).toContain("ETH/USDT:USDT");
  });
});
