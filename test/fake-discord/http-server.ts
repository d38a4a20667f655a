import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { FakeContext } from "./context.ts";
import { DiscordHttpError, Errors } from "./errors.ts";
import { type Fault, takeFault } from "./faults.ts";
import type { RequestLogEntry, StoredFile } from "./models.ts";
import { parseMultipart } from "./multipart.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { majorParameter, matchRoute, type RouteDef, type RouteResponse } from "./router.ts";

export interface HttpDeps {
  ctx: FakeContext;
  routes: RouteDef[];
  limiter: RateLimiter | null;
  faults: Fault[];
  /** Added before every API response, to approximate Discord's round trip in benchmarks. */
  latencyMs: number;
}

const API_PREFIX = /^\/api\/v(9|10)(?=\/)/;

export function createRequestHandler(deps: HttpDeps) {
  return (req: IncomingMessage, res: ServerResponse) => {
    handle(deps, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { message: String(error), code: 0 } });
    });
  };
}

async function handle(deps: HttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { ctx } = deps;
  const started = performance.now();
  const at = Date.now();
  const url = new URL(req.url ?? "/", "http://fake");
  const method = (req.method ?? "GET").toUpperCase();
  const raw = await readBody(req);

  if (method === "GET" && url.pathname.startsWith("/attachments/")) return serveAttachment(ctx, url.pathname, res);

  const versioned = API_PREFIX.exec(url.pathname);
  const path = versioned ? url.pathname.slice(versioned[0].length) : url.pathname;
  const authed = req.headers.authorization === `Bot ${ctx.token}`;
  const { match, methodMismatch } = versioned ? matchRoute(deps.routes, method, path) : { methodMismatch: false };

  let body: unknown;
  let files: StoredFile[] = [];
  let response: RouteResponse;
  try {
    ({ body, files } = parseBody(raw, req.headers["content-type"] ?? ""));
    response = await respond();
  } catch (error) {
    response = errorResponse(error);
  }
  if (deps.latencyMs > 0) await sleep(deps.latencyMs);
  send(res, response);

  const entry: RequestLogEntry = {
    method,
    path,
    route: match?.route.template ?? null,
    query: url.search,
    status: response.status,
    at,
    durationMs: performance.now() - started,
    authed,
    ...(body !== undefined && { body }),
  };
  ctx.state.requests.push(entry);
  ctx.state.changed();

  async function respond(): Promise<RouteResponse> {
    if (!match) throw methodMismatch ? Errors.methodNotAllowed() : Errors.notFound();
    const { route, params } = match;
    if (!route.interaction && !authed) throw Errors.unauthorized();

    const fault = takeFault(deps.faults, method, path);
    if (fault) return { status: fault.status, body: fault.body, headers: fault.headers };

    let rateHeaders: Record<string, string> = {};
    if (deps.limiter) {
      const verdict = deps.limiter.check(
        `${method} ${route.template}`,
        majorParameter(params),
        authed && !route.interaction,
      );
      if (verdict.status === 429) return { status: 429, body: verdict.body, headers: verdict.headers };
      rateHeaders = verdict.headers;
    }
    const result = await route.handle({ method, path, params, query: url.searchParams, body, files, authed }, ctx);
    return { ...result, headers: { ...rateHeaders, ...result.headers } };
  }
}

function parseBody(raw: Buffer, contentType: string): { body: unknown; files: StoredFile[] } {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (/multipart\/form-data/i.test(contentType)) {
    const parts = parseMultipart(raw, contentType);
    const files: StoredFile[] = [];
    const fields: Record<string, string> = {};
    for (const part of parts) {
      if (part.filename !== undefined) {
        files.push({
          field: part.name,
          filename: part.filename,
          contentType: part.contentType ?? "application/octet-stream",
          data: new Uint8Array(part.data),
        });
      } else {
        fields[part.name] = part.data.toString("utf8");
      }
    }
    const body = fields.payload_json !== undefined ? JSON.parse(fields.payload_json) : fields;
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString("utf8")), files: [] };
  } catch {
    throw new DiscordHttpError(400, { message: "400: Bad Request", code: 50109 });
  }
}

function errorResponse(error: unknown): RouteResponse {
  if (error instanceof DiscordHttpError) return { status: error.status, body: error.body };
  // A bug in the fake, not a Discord answer: make it loud in the bot's logs and in the request log.
  return { status: 500, body: { message: `fake-discord internal error: ${String(error)}`, code: 0 } };
}

function send(res: ServerResponse, r: RouteResponse): void {
  const headers: Record<string, string> = { ...r.headers };
  if (r.status === 204 || r.body === undefined) {
    res.writeHead(r.status, headers).end();
    return;
  }
  headers["Content-Type"] = "application/json";
  res.writeHead(r.status, headers).end(JSON.stringify(r.body));
}

function serveAttachment(ctx: FakeContext, pathname: string, res: ServerResponse): void {
  const [, , channelId, attachmentId] = pathname.split("/");
  for (const message of ctx.state.messagesIn(channelId ?? "", { includeDeleted: true })) {
    const a = message.attachments.find((x) => x.id === attachmentId);
    if (a) {
      res.writeHead(200, { "Content-Type": a.contentType, "Content-Length": a.size }).end(a.data);
      return;
    }
  }
  res.writeHead(404).end();
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
