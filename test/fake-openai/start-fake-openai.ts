import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ChatResponder, defaultChatResponder, type FakeChatRequest, promptText } from "./default-responder.ts";
import { FAKE_EMBEDDING_DIMENSIONS, fakeEmbedding, fakeTokens, toBase64Floats } from "./hashed-embedding.ts";

/**
 * A local OpenAI-compatible server: `POST /v1/embeddings` (deterministic hashed bag-of-words vectors, float or
 * base64 as the openai SDK asks) and `POST /v1/chat/completions` (content from a pluggable responder, JSON
 * structured output by default), with a 429 carrying `retry-after`, a 500 or a hang on demand. Point the openai
 * SDK or `@langchain/openai` at `url` (it ends in `/v1`, as `baseURL` expects).
 */
export interface FakeOpenAIRequest {
  /** "embeddings" or "chat" (anything else is "other" and answered 404). */
  kind: "embeddings" | "chat" | "other";
  method: string;
  path: string;
  /** The JSON body as received. */
  body: unknown;
  /** Whether the request carried `Authorization: Bearer …` (the key itself is not kept). */
  authorized: boolean;
  /** The status the fake answered. */
  status: number;
}

export type FakeOpenAIFault =
  | { status: 429; retryAfterSec?: number }
  | { status: 500 }
  /** Holds the request without answering for `hangMs` (then a 500), so a client's timeout fires first. */
  | { hangMs: number };

export interface FakeOpenAIOptions {
  /** When set, requests without `Authorization: Bearer <apiKey>` get a 401 as OpenAI gives. */
  apiKey?: string;
  /** Dimensions of the embeddings (default 256); a request's own `dimensions` wins. */
  dimensions?: number;
  chatResponder?: ChatResponder;
}

export interface FakeOpenAI {
  /** Base URL with `/v1`, for `OPENAI_BASE_URL` / the SDK's `baseURL`. */
  readonly url: string;
  /** Every request, in order, with its body. */
  readonly requests: FakeOpenAIRequest[];
  /** Counters: embedding requests, texts embedded across them, chat completion requests. */
  stats(): { embeddingCalls: number; embeddingInputs: number; chatCalls: number };
  setChatResponder(fn: ChatResponder | null): void;
  /** The next request (or the next of `on`'s kind) fails this way; `times` in a row (default 1). */
  failNext(fault: FakeOpenAIFault, opts?: { on?: "embeddings" | "chat"; times?: number }): void;
  close(): Promise<void>;
}

const openAIError = (message: string, type: string, code: string | null = null) => ({
  error: { message, type, param: null, code },
});

export async function startFakeOpenAI(opts: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const requests: FakeOpenAIRequest[] = [];
  const counts = { embeddingCalls: 0, embeddingInputs: 0, chatCalls: 0 };
  const faults: Array<{ fault: FakeOpenAIFault; on?: "embeddings" | "chat" }> = [];
  let responder: ChatResponder = opts.chatResponder ?? defaultChatResponder;
  let nextId = 1;
  const hangs = new Set<NodeJS.Timeout>();

  const takeFault = (kind: FakeOpenAIRequest["kind"]) => {
    const i = faults.findIndex((f) => f.on === undefined || f.on === kind);
    return i < 0 ? undefined : faults.splice(i, 1)[0]?.fault;
  };

  const embeddings = (body: Record<string, unknown>) => {
    const raw = body.input;
    const inputs = (Array.isArray(raw) ? raw : [raw]).map((x) => (typeof x === "string" ? x : JSON.stringify(x)));
    counts.embeddingCalls += 1;
    counts.embeddingInputs += inputs.length;
    const dims = typeof body.dimensions === "number" ? body.dimensions : (opts.dimensions ?? FAKE_EMBEDDING_DIMENSIONS);
    const base64 = body.encoding_format === "base64";
    const tokens = inputs.reduce((n, text) => n + Math.max(1, fakeTokens(text).length), 0);
    return {
      object: "list",
      data: inputs.map((text, index) => {
        const v = fakeEmbedding(text, dims);
        return { object: "embedding", index, embedding: base64 ? toBase64Floats(v) : v };
      }),
      model: String(body.model ?? "text-embedding-3-small"),
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    };
  };

  const chat = async (body: FakeChatRequest) => {
    counts.chatCalls += 1;
    const produced = await responder(body);
    const content = typeof produced === "string" ? produced : JSON.stringify(produced);
    const promptTokens = fakeTokens(promptText(body)).length;
    const completionTokens = fakeTokens(content).length;
    return {
      id: `chatcmpl-fake${nextId++}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content, refusal: null },
          logprobs: null,
          finish_reason: "stop",
        },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
    };
  };

  const handle = async (
    req: IncomingMessage,
    record: FakeOpenAIRequest,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> => {
    if (opts.apiKey !== undefined && req.headers.authorization !== `Bearer ${opts.apiKey}`)
      return {
        status: 401,
        body: openAIError("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"),
      };
    if (record.kind === "other" || req.method !== "POST")
      return {
        status: 404,
        body: openAIError(`Unknown request URL: ${req.method} ${record.path}`, "invalid_request_error"),
      };
    const fault = takeFault(record.kind);
    if (fault && "hangMs" in fault) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          hangs.delete(t);
          resolve();
        }, fault.hangMs);
        hangs.add(t);
      });
      return {
        status: 500,
        body: openAIError("The server had an error while processing your request.", "server_error"),
      };
    }
    if (fault?.status === 429) {
      const retryAfter = fault.retryAfterSec ?? 1;
      return {
        status: 429,
        headers: { "retry-after": String(retryAfter), "retry-after-ms": String(retryAfter * 1000) },
        body: openAIError("Rate limit reached for requests.", "requests", "rate_limit_exceeded"),
      };
    }
    if (fault?.status === 500)
      return {
        status: 500,
        body: openAIError("The server had an error while processing your request.", "server_error"),
      };
    const body = record.body;
    if (typeof body !== "object" || body === null)
      return {
        status: 400,
        body: openAIError("We could not parse the JSON body of your request.", "invalid_request_error"),
      };
    if (record.kind === "embeddings") {
      const input = (body as Record<string, unknown>).input;
      if (input === undefined || (Array.isArray(input) && input.length === 0))
        return { status: 400, body: openAIError("'input' is a required property", "invalid_request_error") };
      return { status: 200, body: embeddings(body as Record<string, unknown>) };
    }
    const chatBody = body as FakeChatRequest;
    if (!Array.isArray(chatBody.messages) || chatBody.messages.length === 0)
      return { status: 400, body: openAIError("'messages' is a required property", "invalid_request_error") };
    return { status: 200, body: await chat(chatBody) };
  };

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const kind = path.endsWith("/embeddings") ? "embeddings" : path.endsWith("/chat/completions") ? "chat" : "other";
    const text = await readBody(req);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const record: FakeOpenAIRequest = {
      kind,
      method: req.method ?? "GET",
      path,
      body,
      authorized: /^Bearer \S+/.test(req.headers.authorization ?? ""),
      status: 0,
    };
    requests.push(record);
    const out = await handle(req, record);
    record.status = out.status;
    if (res.destroyed) return;
    res.writeHead(out.status, { "content-type": "application/json", ...out.headers });
    res.end(JSON.stringify(out.body));
  };

  const server = createServer((req, res) => {
    void route(req, res).catch((err: Error) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify(openAIError(err.message, "server_error")));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    stats: () => ({ ...counts }),
    setChatResponder(fn) {
      responder = fn ?? defaultChatResponder;
    },
    failNext(fault, o = {}) {
      for (let i = 0; i < (o.times ?? 1); i++) faults.push({ fault, on: o.on });
    },
    async close() {
      for (const t of hangs) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export { type ChatResponder, defaultChatResponder, type FakeChatRequest } from "./default-responder.ts";
export { fakeEmbedding } from "./hashed-embedding.ts";
