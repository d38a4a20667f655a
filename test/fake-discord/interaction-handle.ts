// A test's view of one interaction: what the bot answered, and what the user ended up seeing.
import { MessageFlag } from "./bot-messages.ts";
import type { FakeContext } from "./context.ts";
import { messageText } from "./message-text.ts";
import type { Component, StoredAttachment, StoredMessage } from "./models.ts";
import type { InteractionCallback, InteractionRecord } from "./state.ts";

export const CallbackType = {
  Pong: 1,
  ChannelMessage: 4,
  DeferredChannelMessage: 5,
  DeferredUpdate: 6,
  UpdateMessage: 7,
  Autocomplete: 8,
  Modal: 9,
} as const;

/** What the user saw once the bot was done answering. */
export interface Seen {
  /** All visible text: the response (or the updated message) and follow-ups, joined by newlines. */
  text: string;
  /** The response or updated message first, then follow-ups. */
  messages: StoredMessage[];
  components: Component[];
  files: StoredAttachment[];
  ephemeral: boolean;
  /** Set when the bot answered with a modal instead of a message. */
  modal?: Record<string, unknown>;
  /** Set for autocomplete answers. */
  choices?: { name: string; value: string | number }[];
}

export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  /** The INTERACTION_CREATE payload that was dispatched. */
  readonly payload: Record<string, unknown>;
  /** Resolves with the bot's POST /interactions/{id}/{token}/callback body. */
  response(timeoutMs?: number): Promise<InteractionCallback>;
  /** The message @original refers to, in its latest state. */
  original(): StoredMessage | undefined;
  /** Resolves once @original exists, is no longer "thinking…", and passes `match`. */
  waitForOriginal(match?: (m: StoredMessage) => boolean, timeoutMs?: number): Promise<StoredMessage>;
  followUps(): StoredMessage[];
  /** Resolves with the n-th follow-up (1-based) once it exists. */
  waitForFollowUp(n?: number, timeoutMs?: number): Promise<StoredMessage>;
  /** Waits for the response; after a deferral, also for the edit or follow-up that replaces it. */
  seen(timeoutMs?: number): Promise<Seen>;
  /** The text visible right now (original + follow-ups). */
  text(): string;
}

export function interactionHandle(ctx: FakeContext, record: InteractionRecord): InteractionHandle {
  const { state } = ctx;
  const timeout = (ms?: number) => ms ?? ctx.options.waitTimeoutMs;
  const original = () => (record.originalId ? state.messageById.get(record.originalId) : undefined);
  const followUps = () => record.followUpIds.map((id) => state.messageById.get(id)!).filter((m) => !m.deleted);
  // A deferred update is complete once the clicked message changed since the click.
  const sourceVersions = record.sourceMessageId
    ? (state.messageById.get(record.sourceMessageId)?.history.length ?? 0)
    : 0;
  const visible = () => [original(), ...followUps()].filter((m): m is StoredMessage => Boolean(m) && !m!.deleted);

  const handle: InteractionHandle = {
    id: record.id,
    token: record.token,
    payload: record.payload,
    response: (ms) =>
      state.waitFor(() => record.callback, timeout(ms), `the bot's response to interaction ${describe(record)}`),
    original,
    waitForOriginal: (match = () => true, ms) =>
      state.waitFor(
        () => {
          const m = original();
          return m && !(m.flags & MessageFlag.Loading) && match(m) ? m : undefined;
        },
        timeout(ms),
        `@original of ${describe(record)} to be filled in`,
      ),
    followUps,
    waitForFollowUp: (n = 1, ms) =>
      state.waitFor(() => followUps()[n - 1], timeout(ms), `follow-up #${n} to ${describe(record)}`),
    async seen(ms) {
      const deadline = Date.now() + timeout(ms);
      const callback = await handle.response(timeout(ms));
      if (callback.type === CallbackType.Modal) return { ...empty(), modal: callback.data };
      if (callback.type === CallbackType.Autocomplete) {
        return { ...empty(), choices: (callback.data?.choices as Seen["choices"]) ?? [] };
      }
      if (callback.type === CallbackType.DeferredChannelMessage || callback.type === CallbackType.DeferredUpdate) {
        await state.waitFor(
          () => {
            const m = original();
            const stillThinking = m && m.flags & MessageFlag.Loading;
            const updated =
              callback.type === CallbackType.DeferredUpdate
                ? (m?.history.length ?? 0) > sourceVersions
                : !stillThinking;
            return updated || followUps().length > 0;
          },
          Math.max(1, deadline - Date.now()),
          `the deferred response to ${describe(record)} to be completed`,
        );
      }
      const messages = visible();
      return {
        text: messages.map(messageText).filter(Boolean).join("\n"),
        messages,
        components: messages.flatMap((m) => m.components),
        files: messages.flatMap((m) => m.attachments),
        ephemeral: messages.length > 0 && messages.every((m) => (m.flags & MessageFlag.Ephemeral) !== 0),
      };
    },
    text: () => visible().map(messageText).filter(Boolean).join("\n"),
  };
  return handle;
}

function empty(): Seen {
  return { text: "", messages: [], components: [], files: [], ephemeral: false };
}

function describe(record: InteractionRecord): string {
  const data = record.payload.data as { name?: string; custom_id?: string };
  return data.name ? `/${data.name}` : `component ${data.custom_id}`;
}
