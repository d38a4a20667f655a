// The state of a fake Bot API server: what users sent (as updates) and what the bot sent back.

export interface FakeUser {
  id: number;
  first_name: string;
  username?: string;
}

export interface FakeChat {
  id: number;
  type: "private" | "group" | "supergroup";
  title?: string;
}

export interface BotMessage {
  chatId: number;
  messageId: number;
  method: string;
  text?: string;
  caption?: string;
  /** sendPhoto: the uploaded bytes. */
  photo?: Uint8Array;
  replyMarkup?: { inline_keyboard?: { text: string; callback_data?: string }[][] };
  deleted: boolean;
  edits: number;
}

export interface Fault {
  method: string;
  /** Only for this chat, when set. */
  chatId?: number;
  status: 403 | 429;
  retryAfterSec?: number;
  /** How many requests it applies to. */
  times: number;
}

export class FakeTelegramState {
  nextUpdateId = 1;
  nextMessageId = 1000;
  readonly updates: { update_id: number; [k: string]: unknown }[] = [];
  readonly botMessages: BotMessage[] = [];
  /** "chatId:messageId" of every message the bot deleted (the user's or its own). */
  readonly deleted = new Set<string>();
  readonly userMessages = new Map<string, { chatId: number; messageId: number; text: string }>();
  readonly callbackAnswers: { id: string; text?: string }[] = [];
  readonly calls: { method: string; at: number; chatId?: number; status: number }[] = [];
  readonly blockedChats = new Set<number>();
  readonly faults: Fault[] = [];
  webhook: string | null = null;
  webhookSecret: string | null = null;
  private waiters: (() => void)[] = [];

  pushUpdate(payload: Record<string, unknown>): number {
    const update_id = this.nextUpdateId++;
    const update = { update_id, ...payload };
    this.updates.push(update);
    this.seen.set(update_id, update);
    this.wake();
    return update_id;
  }

  /** Sends an update again with its old id, as Telegram does when it believes it was not taken. */
  redeliver(updateId: number): void {
    const original = this.seen.get(updateId);
    if (!original) throw new Error(`no update ${updateId}`);
    this.redeliveries.push({ ...original });
    this.wake();
  }

  private readonly seen = new Map<number, { update_id: number; [k: string]: unknown }>();
  private readonly redeliveries: { update_id: number; [k: string]: unknown }[] = [];

  hasUpdatesFrom(offset: number): boolean {
    return this.redeliveries.length > 0 || this.updates.some((u) => u.update_id >= offset);
  }

  /** Updates from `offset` on; an offset confirms (drops) everything before it, like Telegram. */
  takeFrom(offset: number, limit: number) {
    for (let i = this.updates.length - 1; i >= 0; i--) {
      const u = this.updates[i];
      if (u && u.update_id < offset) {
        this.seen.set(u.update_id, u);
        this.updates.splice(i, 1);
      }
    }
    const redelivered = this.redeliveries.splice(0, limit);
    return [...redelivered, ...this.updates.slice(0, limit - redelivered.length)];
  }

  waitForUpdates(ms: number, signal: { closed: boolean }): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
      if (signal.closed) done();
    });
  }

  private wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  takeFault(method: string, chatId: number | undefined): Fault | undefined {
    const fault = this.faults.find(
      (f) => f.method === method && (f.chatId === undefined || f.chatId === chatId) && f.times > 0,
    );
    if (fault) fault.times -= 1;
    return fault;
  }
}
