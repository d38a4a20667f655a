import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The address the request's connection comes from (a proxy's, behind one). Never a header: X-Forwarded-For is
 * the client's to write. Undefined where there is no socket (a request made in-process, as tests do).
 */
export function remoteAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}
