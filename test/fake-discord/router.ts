import type { FakeContext } from "./context.ts";
import type { StoredFile } from "./models.ts";

export interface RouteRequest {
  method: string;
  /** Below the version prefix, without the query. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart body. */
  body: unknown;
  files: StoredFile[];
  authed: boolean;
}

export interface RouteResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteDef {
  method: string;
  /** e.g. "/channels/:channel/messages/:message"; ":name" matches one segment. */
  template: string;
  /** Interaction callbacks and interaction webhooks need no bot token and skip the global rate limit. */
  interaction?: boolean;
  handle(req: RouteRequest, ctx: FakeContext): RouteResponse | Promise<RouteResponse>;
}

export const json = (body: unknown, status = 200): RouteResponse => ({ status, body });
export const noContent = (): RouteResponse => ({ status: 204 });

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

/** Finds the route for a path; `methodMismatch` tells a 405 (path known, method not) from a 404. */
export function matchRoute(
  routes: RouteDef[],
  method: string,
  path: string,
): { match?: RouteMatch; methodMismatch: boolean } {
  const segments = path.split("/").filter(Boolean);
  let methodMismatch = false;
  for (const route of routes) {
    const params = matchTemplate(route.template, segments);
    if (!params) continue;
    if (route.method !== method) {
      methodMismatch = true;
      continue;
    }
    return { match: { route, params }, methodMismatch: false };
  }
  return { methodMismatch };
}

function matchTemplate(template: string, segments: string[]): Record<string, string> | null {
  const parts = template.split("/").filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const segment = segments[i]!;
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(segment);
    else if (part !== segment) return null;
  }
  return params;
}

/** The id Discord keys per-route buckets on besides the route: the channel, guild or webhook. */
export function majorParameter(params: Record<string, string>): string {
  return (
    params.channel ?? params.guild ?? (params.token ? `${params.app ?? params.interaction}/${params.token}` : "global")
  );
}
