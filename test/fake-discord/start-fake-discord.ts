import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeContext } from "./context.ts";
import type { DiscordErrorBody } from "./errors.ts";
import { type Fault, type FaultPattern, makeFault } from "./faults.ts";
import { Gateway } from "./gateway.ts";
import { createRequestHandler } from "./http-server.ts";
import { botToken, snowflake } from "./ids.ts";
import type { InteractionHandle } from "./interaction-handle.ts";
import {
  autocomplete,
  type CommandOptions,
  chooseSelect,
  clickButton,
  command,
  type SubmitModalOptions,
  submitModal,
} from "./interactions.ts";
import { messageText } from "./message-text.ts";
import type { FakeMember, FakeUser, RegisteredCommand, RequestLogEntry, StoredMessage } from "./models.ts";
import { RateLimiter, type RateLimitOptions } from "./rate-limit.ts";
import { appRoutes } from "./rest-routes-app.ts";
import { guildRoutes } from "./rest-routes-guilds.ts";
import { interactionRoutes } from "./rest-routes-interactions.ts";
import { messageRoutes } from "./rest-routes-messages.ts";
import { memberJson } from "./serialize.ts";
import {
  addGuild,
  addMember,
  addUser,
  ensureDmChannel,
  type GuildHandle,
  type GuildSpec,
  type MemberSpec,
  type UserSpec,
} from "./setup.ts";
import { FakeDiscordState } from "./state.ts";
import { deleteMessage, editMessage, type PostMessageOptions, postMessage, react } from "./user-actions.ts";

export type { InteractionHandle, Seen } from "./interaction-handle.ts";
export { buttonsOf, messageText, selectsOf } from "./message-text.ts";
export type { StoredAttachment, StoredMessage } from "./models.ts";

/**
 * A local Discord (REST v10 + gateway) for running the real discord.js client in tests and benchmarks:
 *
 *   const fake = await startFakeDiscord();
 *   const alice = fake.addUser({ username: "alice" }).id;
 *   const guild = fake.addGuild({ name: "G", ownerId: alice, channels: [{ name: "general" }], roles: [{ name: "Copier" }] });
 *   const client = new Client({ intents, rest: { api: fake.apiRoot } });
 *   await client.login(fake.token);                       // wait for Events.ClientReady
 *   const seen = await fake.command({ name: "copy start", options: { amount: 5 }, userId: alice, guildId: guild.id }).seen();
 *   expect(seen.text).toContain("Copying");
 *
 * Everything the bot did is in `fake.state` and the helpers below; `fake.requests()` is the full REST log.
 */
export interface FakeDiscordOptions {
  token?: string;
  /** Defaults to the bot user's id, as for every Discord application created since 2016. */
  applicationId?: string;
  botUsername?: string;
  port?: number;
  /** Sent in HELLO; Discord uses ~41 s. */
  heartbeatIntervalMs?: number;
  /** Off unless given: enforce Discord's global limit and send per-route X-RateLimit-* headers. */
  rateLimit?: RateLimitOptions;
  /** Interactions not acknowledged in time answer 10062 Unknown interaction (Discord: 3000 ms). */
  interactionDeadlineMs?: number;
  /** Default timeout of InteractionHandle and waitFor* helpers. */
  waitTimeoutMs?: number;
  /** "all" (default): GUILD_CREATE lists every member set up; "intent": only the bot, as Discord without GuildMembers. */
  membersInGuildCreate?: "all" | "intent";
  /** Delay added to every REST response. */
  latencyMs?: number;
}

export interface FakeDiscord {
  /** Pass as `rest: { api }` to discord.js. */
  readonly apiRoot: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  readonly state: FakeDiscordState;

  addUser(spec: UserSpec): FakeUser;
  /** Before login the guild arrives with READY; after, the bot receives GUILD_CREATE (joins it). */
  addGuild(spec: GuildSpec): GuildHandle;
  addMember(guildId: string, spec: MemberSpec): FakeMember;
  dmChannelId(userId: string): string;
  /** The user blocks DMs from the bot: sends to their DM channel fail with 403 / 50007. */
  closeDms(userId: string, closed?: boolean): void;

  postMessage(opts: PostMessageOptions): StoredMessage;
  editMessage(channelId: string, messageId: string, content: string): StoredMessage;
  deleteMessage(channelId: string, messageId: string): void;
  react(opts: { channelId: string; messageId: string; userId: string; emoji: string }): void;
  command(opts: CommandOptions): InteractionHandle;
  autocomplete(opts: CommandOptions & { focused: string }): InteractionHandle;
  clickButton(opts: Parameters<typeof clickButton>[1]): InteractionHandle;
  chooseSelect(opts: Parameters<typeof chooseSelect>[1]): InteractionHandle;
  submitModal(opts: SubmitModalOptions): InteractionHandle;

  /** Raw dispatch (op 0) to every connected session, filtered by its intents. */
  dispatch(event: string, data: unknown): void;
  /** Sends op 7; discord.js reconnects and RESUMEs. */
  requestReconnect(): void;
  /** Closes every gateway socket with a resumable code. */
  dropConnections(code?: number): void;
  readonly connectedSessions: number;

  /** Messages in a channel (any author), oldest first, without deleted ones. */
  messages(channelId: string): StoredMessage[];
  /** Messages the bot sent to a user's DMs. */
  dms(userId: string): StoredMessage[];
  waitForBotMessage(
    channelId: string,
    match?: (m: StoredMessage) => boolean,
    timeoutMs?: number,
  ): Promise<StoredMessage>;
  waitForDm(userId: string, match?: (m: StoredMessage) => boolean, timeoutMs?: number): Promise<StoredMessage>;
  /** emoji -> user ids. */
  reactions(messageId: string): Record<string, string[]>;
  memberRoles(guildId: string, userId: string): string[];
  commands(guildId?: string): RegisteredCommand[];
  /** The request log, optionally filtered by "METHOD /route/template" or a predicate. */
  requests(filter?: string | ((r: RequestLogEntry) => boolean)): RequestLogEntry[];
  /** Requests that matched no route (answered 404): what the fake does not implement or the bot got wrong. */
  unexpectedRequests(): RequestLogEntry[];
  rateLimitStats(): { accepted: number; rejected429: number; rejectedGlobal: number; maxAcceptedInAnyWindow: number };
  /** The next matching request(s) answer `status` with `body` instead of being handled. */
  failNext(
    pattern: FaultPattern,
    status: number,
    body?: DiscordErrorBody | Record<string, unknown>,
    opts?: { times?: number; headers?: Record<string, string> },
  ): void;
  text(message: StoredMessage): string;
  close(): Promise<void>;
}

export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const state = new FakeDiscordState();
  const botUserId = snowflake();
  state.users.set(botUserId, { id: botUserId, username: opts.botUsername ?? "Mimic", globalName: null, bot: true });
  let gateway: Gateway | undefined;
  const ctx: FakeContext = {
    state,
    token: opts.token ?? botToken(botUserId),
    applicationId: opts.applicationId ?? botUserId,
    botUserId,
    baseUrl: "",
    dispatch: (event, data) => gateway?.dispatch(event, data),
    options: {
      interactionDeadlineMs: opts.interactionDeadlineMs ?? 3000,
      waitTimeoutMs: opts.waitTimeoutMs ?? 5000,
      membersInGuildCreate: opts.membersInGuildCreate ?? "all",
    },
  };
  const faults: Fault[] = [];
  const server = createServer(
    createRequestHandler({
      ctx,
      routes: [...appRoutes, ...messageRoutes, ...guildRoutes, ...interactionRoutes],
      limiter: opts.rateLimit ? new RateLimiter(opts.rateLimit, state) : null,
      faults,
      latencyMs: opts.latencyMs ?? 0,
    }),
  );
  server.keepAliveTimeout = 60_000;
  gateway = new Gateway(ctx, opts.heartbeatIntervalMs ?? 41_250);
  gateway.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", resolve);
  });
  ctx.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const gw = gateway;
  const timeout = (ms?: number) => ms ?? ctx.options.waitTimeoutMs;
  const fromBot = (m: StoredMessage) => m.authorId === botUserId;

  return {
    apiRoot: `${ctx.baseUrl}/api`,
    gatewayUrl: gw.url,
    token: ctx.token,
    applicationId: ctx.applicationId,
    botUserId,
    state,

    addUser: (spec) => addUser(ctx, spec),
    addGuild(spec) {
      const handle = addGuild(ctx, spec);
      gw.sendGuildCreateToAll(handle.id);
      return handle;
    },
    addMember(guildId, spec) {
      const guild = state.guilds.get(guildId);
      if (!guild) throw new Error(`fake-discord: unknown guild ${guildId}`);
      const member = addMember(ctx, guild, spec);
      ctx.dispatch("GUILD_MEMBER_ADD", { guild_id: guildId, ...memberJson(ctx, member) });
      return member;
    },
    dmChannelId: (userId) => ensureDmChannel(ctx, userId).id,
    closeDms(userId, closed = true) {
      if (closed) state.closedDms.add(userId);
      else state.closedDms.delete(userId);
    },

    postMessage: (o) => postMessage(ctx, o),
    editMessage: (c, m, content) => editMessage(ctx, c, m, content),
    deleteMessage: (c, m) => deleteMessage(ctx, c, m),
    react: (o) => react(ctx, o),
    command: (o) => command(ctx, o),
    autocomplete: (o) => autocomplete(ctx, o),
    clickButton: (o) => clickButton(ctx, o),
    chooseSelect: (o) => chooseSelect(ctx, o),
    submitModal: (o) => submitModal(ctx, o),

    dispatch: (event, data) => gw.dispatch(event, data),
    requestReconnect: () => gw.requestReconnect(),
    dropConnections: (code) => gw.dropConnections(code),
    get connectedSessions() {
      return [...gw.sessions.values()].filter((s) => s.connection?.open).length;
    },

    messages: (channelId) => state.messagesIn(channelId),
    dms: (userId) => {
      const id = state.dmChannelByUser.get(userId);
      return id ? state.messagesIn(id).filter(fromBot) : [];
    },
    waitForBotMessage: (channelId, match = () => true, ms) =>
      state.waitFor(
        () => state.messagesIn(channelId).find((m) => fromBot(m) && match(m)),
        timeout(ms),
        `a bot message in ${channelId}`,
      ),
    waitForDm: (userId, match = () => true, ms) =>
      state.waitFor(
        () => {
          const id = state.dmChannelByUser.get(userId);
          return id ? state.messagesIn(id).find((m) => fromBot(m) && match(m)) : undefined;
        },
        timeout(ms),
        `a DM to ${userId}`,
      ),
    reactions(messageId) {
      const m = state.messageById.get(messageId);
      return Object.fromEntries(
        [...(m?.reactions ?? new Map<string, Set<string>>())].map(([e, users]) => [e, [...users]]),
      );
    },
    memberRoles: (guildId, userId) => [...(state.guilds.get(guildId)?.members.get(userId)?.roles ?? [])],
    commands: (guildId) => state.commands(guildId),
    requests(filter) {
      if (!filter) return [...state.requests];
      if (typeof filter === "function") return state.requests.filter(filter);
      return state.requests.filter((r) => `${r.method} ${r.route}` === filter);
    },
    unexpectedRequests: () => state.requests.filter((r) => r.route === null),
    rateLimitStats: () => ({
      accepted: state.rateLimit.accepted,
      rejected429: state.rateLimit.rejected429,
      rejectedGlobal: state.rateLimit.rejectedGlobal,
      maxAcceptedInAnyWindow: state.maxAcceptedInWindow(1000),
    }),
    failNext: (pattern, status, body, o) => faults.push(makeFault(pattern, status, body, o)),
    text: messageText,
    async close() {
      gw.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
