import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type BotMessage, type FakeChat, FakeTelegramState, type FakeUser } from "./fake-telegram-state.ts";
import { parseMultipart } from "./parse-multipart.ts";
import { createTelegramLimiter, type TelegramLimits } from "./rate-limits.ts";

/**
 * A local Telegram Bot API server for one bot: enough of it for grammY in long-polling mode (getUpdates with
 * long poll and offset, sendMessage, sendPhoto as multipart, deleteMessage, editMessageText, answerCallbackQuery),
 * plus fault injection (429 with retry_after, 403 for a blocked chat). Tests drive it as users would.
 */
export interface FakeTelegram {
  readonly apiRoot: string;
  readonly token: string;
  readonly state: FakeTelegramState;
  readonly bot: FakeUser & { is_bot: true };
  /** A user writes in a chat (their private chat by default). */
  send(user: FakeUser, text: string, chat?: FakeChat): { updateId: number; messageId: number };
  /** A user taps an inline button of one of the bot's messages. */
  click(user: FakeUser, message: BotMessage, buttonText: string | RegExp): number;
  /** Resolves with the first bot message (after `since` messages) matching, or rejects with what arrived. */
  waitFor(match: (m: BotMessage) => boolean, opts?: { since?: number; timeoutMs?: number }): Promise<BotMessage>;
  messagesTo(chatId: number): BotMessage[];
  wasDeleted(chatId: number, messageId: number): boolean;
  /** Requests the limits accepted and refused (only with `limits`). */
  limitStats(): { accepted: number; rejected429: number };
  close(): Promise<void>;
}

const ok = (result: unknown) => ({ ok: true, result });

export async function startFakeTelegram(
  opts: { token?: string /** Enforce Telegram's message limits (429 past them). */; limits?: TelegramLimits } = {},
): Promise<FakeTelegram> {
  const token = opts.token ?? "123456:TEST-TOKEN";
  const state = new FakeTelegramState();
  const bot = { id: 123456, is_bot: true as const, first_name: "Mimic", username: "mimic_test_bot" };
  const openPolls = new Set<{ closed: boolean }>();
  const limiter = opts.limits && createTelegramLimiter(opts.limits);

  const messageOut = (m: BotMessage) => ({
    message_id: m.messageId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: m.chatId, type: m.chatId < 0 ? "group" : "private" },
    from: bot,
    text: m.text,
    caption: m.caption,
    reply_markup: m.replyMarkup,
    ...(m.photo && {
      photo: [{ file_id: `photo-${m.messageId}`, file_unique_id: `u${m.messageId}`, width: 320, height: 320 }],
    }),
  });

  const handle = async (method: string, params: Record<string, unknown>, signal: { closed: boolean }) => {
    const chatId = params.chat_id === undefined ? undefined : Number(params.chat_id);
    const retryAfter = limiter && method.startsWith("send") ? limiter.check(chatId) : null;
    if (retryAfter !== null) {
      return {
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${retryAfter}`,
          parameters: { retry_after: retryAfter },
        },
      };
    }
    const fault = state.takeFault(method, chatId);
    if (fault?.status === 429) {
      const retry_after = fault.retryAfterSec ?? 1;
      return {
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${retry_after}`,
          parameters: { retry_after },
        },
      };
    }
    if (
      (fault?.status === 403 || (chatId !== undefined && state.blockedChats.has(chatId))) &&
      method.startsWith("send")
    ) {
      return {
        status: 403,
        body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
      };
    }
    switch (method) {
      case "getMe":
        return { status: 200, body: ok(bot) };
      case "deleteWebhook":
        state.webhook = null;
        return { status: 200, body: ok(true) };
      case "setWebhook":
        state.webhook = String(params.url);
        state.webhookSecret = params.secret_token === undefined ? null : String(params.secret_token);
        return { status: 200, body: ok(true) };
      case "setMyCommands":
      case "sendChatAction":
        return { status: 200, body: ok(true) };
      case "getUpdates": {
        const offset = Number(params.offset ?? 0);
        const limit = Number(params.limit ?? 100);
        if (!state.hasUpdatesFrom(offset)) await state.waitForUpdates(Number(params.timeout ?? 0) * 1000, signal);
        return { status: 200, body: ok(state.takeFrom(offset, limit)) };
      }
      case "sendMessage":
      case "sendPhoto": {
        const m: BotMessage = {
          chatId: chatId ?? 0,
          messageId: state.nextMessageId++,
          method,
          text: method === "sendMessage" ? String(params.text) : undefined,
          caption: typeof params.caption === "string" ? params.caption : undefined,
          photo: params.photo instanceof Uint8Array ? params.photo : undefined,
          replyMarkup: parseMarkup(params.reply_markup),
          deleted: false,
          edits: 0,
        };
        state.botMessages.push(m);
        return { status: 200, body: ok(messageOut(m)) };
      }
      case "editMessageText": {
        const m = state.botMessages.find((b) => b.chatId === chatId && b.messageId === Number(params.message_id));
        if (!m)
          return {
            status: 400,
            body: { ok: false, error_code: 400, description: "Bad Request: message to edit not found" },
          };
        m.text = String(params.text);
        m.replyMarkup = parseMarkup(params.reply_markup);
        m.edits += 1;
        return { status: 200, body: ok(messageOut(m)) };
      }
      case "deleteMessage": {
        const key = `${chatId}:${params.message_id}`;
        state.deleted.add(key);
        const m = state.botMessages.find((b) => b.chatId === chatId && b.messageId === Number(params.message_id));
        if (m) m.deleted = true;
        return { status: 200, body: ok(true) };
      }
      case "answerCallbackQuery":
        state.callbackAnswers.push({ id: String(params.callback_query_id), text: params.text as string | undefined });
        return { status: 200, body: ok(true) };
      default:
        return { status: 404, body: { ok: false, error_code: 404, description: "Not Found: method not found" } };
    }
  };

  const server = createServer((req, res) => {
    void route(req, res).catch((err: Error) => {
      if (!res.headersSent) reply(res, 500, { ok: false, error_code: 500, description: err.message });
    });
  });
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "");
    if (!match || match[1] !== token)
      return reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = match[2] ?? "";
    const params = await readParams(req);
    const signal = { closed: false };
    openPolls.add(signal);
    res.on("close", () => {
      signal.closed = true;
      openPolls.delete(signal);
    });
    const { status, body } = await handle(method, params, signal);
    state.calls.push({
      method,
      at: Date.now(),
      chatId: params.chat_id === undefined ? undefined : Number(params.chat_id),
      status,
    });
    if (!signal.closed) reply(res, status, body);
  };

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const apiRoot = `http://127.0.0.1:${port}`;

  const fake: FakeTelegram = {
    apiRoot,
    token,
    state,
    bot,
    send(user, text, chat) {
      const messageId = state.nextMessageId++;
      const c = chat ?? { id: user.id, type: "private" as const };
      const command = /^\/\S+/.exec(text)?.[0];
      const updateId = state.pushUpdate({
        message: {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: c.type === "private" ? { id: c.id, type: "private", first_name: user.first_name } : c,
          from: { ...user, is_bot: false },
          text,
          ...(command && { entities: [{ type: "bot_command", offset: 0, length: command.length }] }),
        },
      });
      state.userMessages.set(`${c.id}:${messageId}`, { chatId: c.id, messageId, text });
      return { updateId, messageId };
    },
    click(user, message, buttonText) {
      const button = message.replyMarkup?.inline_keyboard
        ?.flat()
        .find((b) => (typeof buttonText === "string" ? b.text === buttonText : buttonText.test(b.text)));
      if (!button?.callback_data) {
        const all = message.replyMarkup?.inline_keyboard?.flat().map((b) => b.text);
        throw new Error(`no button ${buttonText} in ${JSON.stringify(all)}`);
      }
      return state.pushUpdate({
        callback_query: {
          id: `cb${state.nextUpdateId}`,
          from: { ...user, is_bot: false },
          chat_instance: "ci",
          data: button.callback_data,
          message: messageOut(message),
        },
      });
    },
    async waitFor(match, o = {}) {
      const deadline = Date.now() + (o.timeoutMs ?? 10_000);
      for (;;) {
        const found = state.botMessages.slice(o.since ?? 0).find(match);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = state.botMessages.slice(o.since ?? 0).map((m) => m.text ?? m.caption);
          throw new Error(`no matching bot message; got ${JSON.stringify(seen)}`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    messagesTo: (chatId) => state.botMessages.filter((m) => m.chatId === chatId),
    wasDeleted: (chatId, messageId) => state.deleted.has(`${chatId}:${messageId}`),
    limitStats: () => limiter?.stats() ?? { accepted: 0, rejected429: 0 },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function parseMarkup(raw: unknown): BotMessage["replyMarkup"] {
  if (raw === undefined || raw === null || raw === "") return undefined;
  return (typeof raw === "string" ? JSON.parse(raw) : raw) as BotMessage["replyMarkup"];
}

/** JSON, urlencoded or multipart (sendPhoto). */
async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  const query = Object.fromEntries(new URL(req.url ?? "/", "http://x").searchParams);
  if (body.length === 0) return query;
  if (type.includes("application/json")) return { ...query, ...(JSON.parse(body.toString("utf8")) as object) };
  if (type.includes("application/x-www-form-urlencoded")) {
    return { ...query, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) };
  }
  const params: Record<string, unknown> = { ...query, ...parseMultipart(body, type) };
  // grammY sends a file as attach://<id> and the bytes under that id.
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string" && value.startsWith("attach://")) params[key] = params[value.slice(9)];
  }
  return params;
}
