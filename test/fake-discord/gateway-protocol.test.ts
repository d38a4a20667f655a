// The gateway spoken to directly with `ws`, for paths discord.js (without zlib-sync) never takes.
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { Intent } from "./intents.ts";
import { type FakeDiscord, startFakeDiscord } from "./start-fake-discord.ts";

type Payload = { op: number; t: string | null; s: number | null; d: Record<string, unknown> | null };

class RawClient {
  readonly received: Payload[] = [];
  closeCode: number | undefined;
  private readonly ws: WebSocket;
  private readonly inflate = zlib.createInflate();
  private waiters: (() => void)[] = [];

  constructor(url: string, mode: "plain" | "zlib-stream" | "identify-compress" = "plain") {
    this.ws = new WebSocket(`${url}?v=10&encoding=json${mode === "zlib-stream" ? "&compress=zlib-stream" : ""}`);
    this.inflate.on("data", (chunk: Buffer) => this.push(chunk.toString()));
    this.ws.on("message", (data: Buffer, isBinary) => {
      if (!isBinary) this.push(data.toString());
      else if (mode === "zlib-stream") this.inflate.write(data);
      else this.push(zlib.inflateSync(data).toString());
    });
    this.ws.on("close", (code) => {
      this.closeCode = code;
      this.wake();
    });
  }

  private push(text: string): void {
    this.received.push(JSON.parse(text));
    this.wake();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  async next(match: (p: Payload) => boolean): Promise<Payload> {
    for (;;) {
      const found = this.received.find(match);
      if (found) return found;
      if (this.closeCode !== undefined) throw new Error(`closed with ${this.closeCode}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async closed(): Promise<number> {
    while (this.closeCode === undefined) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.closeCode;
  }

  async send(payload: unknown): Promise<void> {
    if (this.ws.readyState !== WebSocket.OPEN) await new Promise((resolve) => this.ws.once("open", resolve));
    this.ws.send(JSON.stringify(payload));
  }

  identify(token: string, intents: number, compress = false): Promise<void> {
    return this.send({
      op: 2,
      d: { token, intents, compress, properties: { os: "linux", browser: "t", device: "t" } },
    });
  }

  close(): void {
    this.ws.close(1000);
  }
}

describe("gateway protocol", () => {
  let fake: FakeDiscord;
  let guildId: string;
  let channelId: string;
  let alice: string;
  const clients: RawClient[] = [];
  const open = (mode?: "plain" | "zlib-stream" | "identify-compress") => {
    const c = new RawClient(fake.gatewayUrl, mode);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    fake = await startFakeDiscord({ membersInGuildCreate: "intent" });
    alice = fake.addUser({ username: "alice" }).id;
    const guild = fake.addGuild({ name: "G", ownerId: alice, channels: [{ name: "general" }] });
    guildId = guild.id;
    channelId = guild.channelId("general");
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await fake?.close();
  });

  it("says HELLO, acknowledges heartbeats and closes 4004 on a bad token", async () => {
    const c = open();
    const hello = await c.next((p) => p.op === 10);
    expect(hello.d?.heartbeat_interval).toBeGreaterThan(0);
    await c.send({ op: 1, d: null });
    await c.next((p) => p.op === 11);
    await c.identify("wrong", Intent.Guilds);
    expect(await c.closed()).toBe(4004);
  });

  it("speaks zlib-stream and sends READY then GUILD_CREATE with only the bot member without GuildMembers", async () => {
    const c = open("zlib-stream");
    await c.next((p) => p.op === 10);
    await c.identify(fake.token, Intent.Guilds | Intent.GuildMessages);
    const ready = await c.next((p) => p.t === "READY");
    expect(ready.s).toBe(1);
    expect(ready.d).toMatchObject({
      v: 10,
      user: { id: fake.botUserId, bot: true },
      application: { id: fake.applicationId },
      guilds: [{ id: guildId, unavailable: true }],
    });
    expect(String(ready.d?.resume_gateway_url)).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
    const guild = await c.next((p) => p.t === "GUILD_CREATE");
    expect((guild.d?.members as { user: { id: string } }[] | undefined)?.map((m) => m.user.id)).toEqual([
      fake.botUserId,
    ]);
  });

  it("hides message content without the MessageContent intent, and compresses per payload when asked", async () => {
    const c = open("identify-compress");
    await c.next((p) => p.op === 10);
    await c.identify(fake.token, Intent.Guilds | Intent.GuildMessages, true);
    await c.next((p) => p.t === "GUILD_CREATE");
    fake.postMessage({ channelId, authorId: alice, content: "secret" });
    fake.postMessage({ channelId, authorId: alice, content: `hey <@${fake.botUserId}>` });
    const created = await c.next((p) => p.t === "MESSAGE_CREATE" && p.d?.content !== "");
    expect(created.d?.content).toBe(`hey <@${fake.botUserId}>`);
    expect(c.received.filter((p) => p.t === "MESSAGE_CREATE").map((p) => p.d?.content)).toEqual([
      "",
      `hey <@${fake.botUserId}>`,
    ]);
  });

  it("replays missed events on RESUME and rejects an unknown session", async () => {
    const first = open();
    await first.next((p) => p.op === 10);
    await first.identify(fake.token, Intent.Guilds | Intent.GuildMessages | Intent.MessageContent);
    const ready = await first.next((p) => p.t === "READY");
    const seq = (await first.next((p) => p.t === "GUILD_CREATE")).s!;
    fake.dropConnections();
    await first.closed();
    fake.postMessage({ channelId, authorId: alice, content: "while you were away" });

    const second = open();
    await second.next((p) => p.op === 10);
    await second.send({ op: 6, d: { token: fake.token, session_id: ready.d?.session_id, seq } });
    const replayed = await second.next((p) => p.t === "MESSAGE_CREATE");
    expect(replayed.d?.content).toBe("while you were away");
    await second.next((p) => p.t === "RESUMED");

    const third = open();
    await third.next((p) => p.op === 10);
    await third.send({ op: 6, d: { token: fake.token, session_id: "nope", seq: 1 } });
    expect((await third.next((p) => p.op === 9)).d).toBe(false);
  });
});
