import { randomBytes } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import type { FakeContext } from "./context.ts";
import { GatewayConnection, type GatewayPayload, GatewaySession } from "./gateway-connection.ts";
import { filterForIntents, Intent } from "./intents.ts";
import { guildCreateJson, memberJson, userJson } from "./serialize.ts";

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Presence: 3,
  Voice: 4,
  Resume: 6,
  Reconnect: 7,
  RequestMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
};
const Close = {
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidApiVersion: 4012,
  InvalidIntents: 4013,
};
export const GATEWAY_PATH = "/gateway";
const RESUME_PATH = "/gateway/resume";
/** READY first, GUILD_CREATEs a moment later: see sendGuilds(). */
const GUILD_CREATE_DELAY_MS = 10;

/** The Discord gateway (v10, JSON encoding) on the fake's HTTP server. */
export class Gateway {
  readonly sessions = new Map<string, GatewaySession>();
  readonly connections = new Set<GatewayConnection>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly ctx: FakeContext,
    private readonly heartbeatIntervalMs: number,
  ) {}

  get url(): string {
    return `${this.ctx.baseUrl.replace(/^http/, "ws")}${GATEWAY_PATH}`;
  }

  attach(server: Server): void {
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? "/", "http://fake");
      if (url.pathname !== GATEWAY_PATH && url.pathname !== RESUME_PATH) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url.searchParams));
    });
  }

  /** Sends an event to every session whose intents cover it; disconnected sessions keep it for RESUME. */
  dispatch(event: string, data: unknown): void {
    for (const session of this.sessions.values()) this.sendDispatch(session, event, data);
  }

  /** Asks every client to reconnect and resume (op 7), as Discord does when it moves a session. */
  requestReconnect(): void {
    for (const c of this.connections) c.send({ op: Op.Reconnect, d: null, s: null, t: null });
  }

  /** Drops every socket with a resumable close code, as a network blip would. */
  dropConnections(code = 4000): void {
    for (const c of this.connections) c.close(code, "fake-discord: dropped");
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    for (const c of this.connections) c.ws.terminate();
    this.sessions.clear();
    this.wss.close();
  }

  private onConnection(ws: WebSocket, query: URLSearchParams): void {
    const conn = new GatewayConnection(ws, query.get("compress") === "zlib-stream");
    this.connections.add(conn);
    ws.on("close", (code) => this.onClose(conn, code));
    ws.on("error", () => {});
    if (query.get("v") !== "10" && query.get("v") !== "9") {
      conn.close(Close.InvalidApiVersion, "Invalid API version");
      return;
    }
    if ((query.get("encoding") ?? "json") !== "json") {
      conn.close(Close.DecodeError, "fake-discord supports only encoding=json");
      return;
    }
    ws.on("message", (data, isBinary) => this.onMessage(conn, data, isBinary));
    conn.send({
      op: Op.Hello,
      d: { heartbeat_interval: this.heartbeatIntervalMs, _trace: ["fake-discord"] },
      s: null,
      t: null,
    });
  }

  private onClose(conn: GatewayConnection, code: number): void {
    this.connections.delete(conn);
    const session = conn.session;
    if (!session || session.connection !== conn) return;
    session.connection = null;
    // Discord ends the session (no RESUME possible) when the client closes with 1000 or 1001.
    if (code === 1000 || code === 1001) this.sessions.delete(session.id);
  }

  private onMessage(conn: GatewayConnection, data: RawData, isBinary: boolean): void {
    let payload: GatewayPayload;
    try {
      const text = isBinary || typeof data !== "string" ? Buffer.from(data as Buffer).toString("utf8") : data;
      payload = JSON.parse(text);
    } catch {
      conn.close(Close.DecodeError, "Error while decoding payload.");
      return;
    }
    if (payload.op === Op.Heartbeat) {
      conn.lastHeartbeatAt = Date.now();
      conn.send({ op: Op.HeartbeatAck, d: null, s: null, t: null });
      return;
    }
    const d = payload.d as Record<string, unknown>;
    if (payload.op === Op.Identify) this.identify(conn, d);
    else if (payload.op === Op.Resume) this.resume(conn, d);
    else if (!conn.session) conn.close(Close.NotAuthenticated, "Not authenticated.");
    else if (payload.op === Op.RequestMembers) this.requestMembers(conn.session, d);
    else if (payload.op !== Op.Presence && payload.op !== Op.Voice) conn.close(Close.UnknownOpcode, "Unknown opcode.");
  }

  private tokenMatches(token: unknown): boolean {
    return typeof token === "string" && token.replace(/^Bot\s+/i, "") === this.ctx.token;
  }

  private identify(conn: GatewayConnection, d: Record<string, unknown>): void {
    if (conn.session) {
      conn.close(Close.AlreadyAuthenticated, "You sent more than one identify payload.");
      return;
    }
    if (!this.tokenMatches(d?.token)) {
      conn.close(Close.AuthenticationFailed, "Authentication failed.");
      return;
    }
    const intents = d.intents;
    if (typeof intents !== "number") {
      conn.close(Close.InvalidIntents, "Invalid intent(s).");
      return;
    }
    conn.identifyCompress = d.compress === true;
    const shard = (Array.isArray(d.shard) ? d.shard : [0, 1]) as [number, number];
    const session = new GatewaySession(randomBytes(16).toString("hex"), intents, shard);
    session.connection = conn;
    conn.session = session;
    this.sessions.set(session.id, session);

    const bot = this.ctx.state.user(this.ctx.botUserId)!;
    const guilds = this.guildsFor(session);
    this.sendDispatch(session, "READY", {
      v: 10,
      user: { ...userJson(bot), verified: true, mfa_enabled: false, email: null },
      user_settings: {},
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: "normal",
      resume_gateway_url: `${this.ctx.baseUrl.replace(/^http/, "ws")}${RESUME_PATH}`,
      shard,
      // GatewayGuildMembersLimited | GatewayMessageContentLimited: an unverified bot with both intents enabled.
      application: { id: this.ctx.applicationId, flags: (1 << 15) | (1 << 19) },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      _trace: ["fake-discord"],
    });
    // discord.js handles READY with one more await than other dispatches; if a GUILD_CREATE arrived in the same
    // tick it could be processed first and never count towards "all guilds received", stalling `ready` for 15 s.
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      for (const g of guilds) this.sendGuildCreate(session, g.id);
    }, GUILD_CREATE_DELAY_MS);
    this.timers.add(timer);
  }

  private guildsFor(session: GatewaySession) {
    const [shardId, shardCount] = session.shard;
    return [...this.ctx.state.guilds.values()].filter(
      (g) => Number((BigInt(g.id) >> 22n) % BigInt(shardCount)) === shardId,
    );
  }

  /** Also used when a guild is added after the bot connected (the bot "joins" it). */
  sendGuildCreate(session: GatewaySession, guildId: string): void {
    const guild = this.ctx.state.guilds.get(guildId);
    if (!guild) return;
    const allMembers = this.ctx.options.membersInGuildCreate === "all" || (session.intents & Intent.GuildMembers) !== 0;
    this.sendDispatch(session, "GUILD_CREATE", guildCreateJson(this.ctx, guild, allMembers));
  }

  sendGuildCreateToAll(guildId: string): void {
    for (const session of this.sessions.values()) this.sendGuildCreate(session, guildId);
  }

  private resume(conn: GatewayConnection, d: Record<string, unknown>): void {
    const session = this.sessions.get(String(d?.session_id));
    const seq = Number(d?.seq ?? 0);
    const oldest = session?.events[0]?.s ?? 1;
    if (!session || !this.tokenMatches(d.token) || seq < oldest - 1 || seq > session.seq) {
      conn.send({ op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    const previous = session.connection;
    if (previous && previous !== conn) previous.close(4000, "Session resumed elsewhere");
    session.connection = conn;
    conn.session = session;
    for (const e of session.events) if (e.s > seq) conn.send({ op: Op.Dispatch, d: e.d, s: e.s, t: e.t });
    this.sendDispatch(session, "RESUMED", { _trace: ["fake-discord"] });
  }

  private requestMembers(session: GatewaySession, d: Record<string, unknown>): void {
    const guild = this.ctx.state.guilds.get(String(d?.guild_id));
    if (!guild) return;
    const ids = d.user_ids === undefined ? null : new Set([d.user_ids].flat().map(String));
    const query = typeof d.query === "string" ? d.query.toLowerCase() : "";
    const limit = typeof d.limit === "number" && d.limit > 0 ? d.limit : Number.POSITIVE_INFINITY;
    const members = [...guild.members.values()]
      .filter((m) =>
        ids ? ids.has(m.userId) : this.ctx.state.user(m.userId)?.username.toLowerCase().startsWith(query),
      )
      .slice(0, limit);
    this.sendDispatch(session, "GUILD_MEMBERS_CHUNK", {
      guild_id: guild.id,
      members: members.map((m) => memberJson(this.ctx, m)),
      chunk_index: 0,
      chunk_count: 1,
      not_found: ids ? [...ids].filter((id) => !guild.members.has(id)) : [],
      ...(d.nonce !== undefined && { nonce: d.nonce }),
    });
  }

  private sendDispatch(session: GatewaySession, event: string, data: unknown): void {
    const filtered = filterForIntents(event, data, session.intents, this.ctx.botUserId);
    if (filtered === undefined) return;
    const e = session.record(event, filtered);
    session.connection?.send({ op: Op.Dispatch, d: e.d, s: e.s, t: e.t });
  }
}
