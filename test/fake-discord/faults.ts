import { type DiscordErrorBody, defaultErrorBody } from "./errors.ts";

export interface Fault {
  matches: (method: string, path: string) => boolean;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  remaining: number;
}

/**
 * A pattern is a RegExp tested against "METHOD /path", or a string "[METHOD ]/path" where ":name" or "*" matches
 * any one segment, e.g. "POST /channels/:id/messages". Paths are below the API version prefix.
 */
export type FaultPattern = string | RegExp;

export function makeFault(
  pattern: FaultPattern,
  status: number,
  body: DiscordErrorBody | Record<string, unknown> | undefined,
  opts: { times?: number; headers?: Record<string, string> } = {},
): Fault {
  const headers = { ...opts.headers };
  let finalBody: unknown = body ?? defaultErrorBody(status);
  if (status === 429 && !body) {
    finalBody = { message: "You are being rate limited.", retry_after: 0.05, global: false };
    headers["Retry-After"] ??= "0.05";
    headers["X-RateLimit-Scope"] ??= "user";
  }
  return { matches: compile(pattern), status, body: finalBody, headers, remaining: opts.times ?? 1 };
}

function compile(pattern: FaultPattern): Fault["matches"] {
  if (pattern instanceof RegExp) return (method, path) => pattern.test(`${method} ${path}`);
  const [first, second] = pattern.trim().split(/\s+/);
  const method = second === undefined ? undefined : first!.toUpperCase();
  const parts = (second ?? first!).split("/").filter(Boolean);
  return (m, path) => {
    if (method && method !== m) return false;
    const segments = path.split("/").filter(Boolean);
    return (
      segments.length === parts.length &&
      parts.every(
        (p, i) => p === "*" || p.startsWith(":") || decodeURIComponent(segments[i]!) === decodeURIComponent(p),
      )
    );
  };
}

export function takeFault(faults: Fault[], method: string, path: string): Fault | undefined {
  const index = faults.findIndex((f) => f.matches(method, path));
  if (index < 0) return undefined;
  const fault = faults[index]!;
  if (--fault.remaining <= 0) faults.splice(index, 1);
  return fault;
}
