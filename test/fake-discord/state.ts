import { EventEmitter } from "node:events";
import type {
  FakeChannel,
  FakeGuild,
  FakeRole,
  FakeUser,
  RegisteredCommand,
  RequestLogEntry,
  StoredFile,
  StoredMessage,
} from "./models.ts";

export interface InteractionCallback {
  /** 1 pong, 4 message, 5 deferred message, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  data?: Record<string, unknown>;
  files: StoredFile[];
  at: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  /** The INTERACTION_CREATE payload as dispatched. */
  payload: Record<string, unknown>;
  channelId: string;
  guildId: string | null;
  userId: string;
  createdAt: number;
  callback?: InteractionCallback;
  /** The message @original refers to: the response, or for components (types 6/7) the clicked message. */
  originalId?: string;
  /** The message a component interaction came from. */
  sourceMessageId?: string;
  followUpIds: string[];
}

/** Everything the fake knows; tests may read it directly. Mutations go through the fake's methods and routes. */
export class FakeDiscordState {
  readonly users = new Map<string, FakeUser>();
  readonly guilds = new Map<string, FakeGuild>();
  readonly channels = new Map<string, FakeChannel>();
  readonly roles = new Map<string, FakeRole>();
  /** channel id -> messages in creation order (deleted ones stay, flagged). */
  readonly messages = new Map<string, StoredMessage[]>();
  readonly messageById = new Map<string, StoredMessage>();
  /** user id -> the DM channel between the bot and that user. */
  readonly dmChannelByUser = new Map<string, string>();
  /** Users whose DMs are closed to the bot: creating messages in their DM channel answers 403 / 50007. */
  readonly closedDms = new Set<string>();
  readonly globalCommands: RegisteredCommand[] = [];
  readonly guildCommands = new Map<string, RegisteredCommand[]>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionByToken = new Map<string, InteractionRecord>();
  /** Modals the bot showed, newest last, so submitModal can mirror their layout. */
  readonly modals: { interactionId: string; data: Record<string, unknown> }[] = [];
  readonly requests: RequestLogEntry[] = [];
  readonly rateLimit = {
    /** Bot-authenticated requests let through the global limiter (performance.now() times, ms). */
    acceptedAt: [] as number[],
    accepted: 0,
    rejected429: 0,
    rejectedGlobal: 0,
  };
  private readonly changes = new EventEmitter();

  constructor() {
    this.changes.setMaxListeners(0);
  }

  /** Wakes everything waiting in waitFor(); call after any mutation a test might wait on. */
  changed(): void {
    this.changes.emit("change");
  }

  /**
   * Resolves with the first truthy value of `probe`, re-checked on every change and every 20 ms (so probes may also
   * look at the bot's side); rejects after the timeout.
   */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs: number, what: string): Promise<T> {
    const first = probe();
    if (first) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (!value) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const poll = setInterval(check, 20);
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.changes.off("change", check);
      };
      this.changes.on("change", check);
    });
  }

  user(id: string): FakeUser | undefined {
    return this.users.get(id);
  }

  role(id: string): FakeRole | undefined {
    return this.roles.get(id);
  }

  guildRoles(guildId: string): FakeRole[] {
    return (this.guilds.get(guildId)?.roleIds ?? []).map((id) => this.roles.get(id)!).filter(Boolean);
  }

  messagesIn(channelId: string, opts: { includeDeleted?: boolean } = {}): StoredMessage[] {
    const all = this.messages.get(channelId) ?? [];
    return opts.includeDeleted ? all : all.filter((m) => !m.deleted);
  }

  storeMessage(message: StoredMessage): StoredMessage {
    const list = this.messages.get(message.channelId) ?? [];
    list.push(message);
    this.messages.set(message.channelId, list);
    this.messageById.set(message.id, message);
    this.changed();
    return message;
  }

  /** Commands the bot registered: global, or for one guild. */
  commands(guildId?: string): RegisteredCommand[] {
    return guildId ? (this.guildCommands.get(guildId) ?? []) : this.globalCommands;
  }

  /** The most accepted (globally limited) requests seen in any window of `windowMs`. */
  maxAcceptedInWindow(windowMs = 1000): number {
    const times = this.rateLimit.acceptedAt;
    let max = 0;
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while (times[end]! - times[start]! >= windowMs) start++;
      max = Math.max(max, end - start + 1);
    }
    return max;
  }
}
