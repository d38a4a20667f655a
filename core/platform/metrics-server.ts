import { createHash, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { Metrics } from "./metrics.ts";

/** 127.0.0.0/8, ::1, and IPv4 loopback as an IPv6-mapped address (a dual-stack socket reports it so). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4.startsWith("127.") || address === "::1";
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Who may read /metrics: with a token, whoever sends it as a bearer; without one, only a client connected from
 * this machine. The connecting address decides, never a header: X-Forwarded-For is the client's to write.
 */
export function metricsAllowed(opts: {
  token?: string;
  authorization: string | undefined;
  remoteAddress: string | undefined;
}): boolean {
  if (!opts.token) return isLoopback(opts.remoteAddress);
  const sent = /^Bearer (.+)$/.exec(opts.authorization ?? "")?.[1];
  // Hashes compared, so the comparison takes the same time whatever the length sent.
  return !!sent && timingSafeEqual(digest(sent), digest(opts.token));
}

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A process without the API (a worker, a bot run apart) serves its own metrics on a port of its own. A port that
 * cannot be bound is logged and skipped: metrics must never keep a worker from working.
 */
export function serveMetrics(opts: {
  metrics: Metrics;
  port: number;
  host?: string;
  token?: string;
  logger: Pick<Logger, "info" | "error">;
}): Promise<MetricsServer | undefined> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "GET" || path !== "/metrics") {
      res.writeHead(404).end();
      return;
    }
    const allowed = metricsAllowed({
      token: opts.token,
      authorization: req.headers.authorization,
      remoteAddress: req.socket.remoteAddress,
    });
    if (!allowed) {
      res.writeHead(opts.token ? 401 : 403, { "content-type": "text/plain" }).end("forbidden\n");
      return;
    }
    opts.metrics.registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": opts.metrics.registry.contentType }).end(text),
      (err: Error) => {
        opts.logger.error({ err: err.message }, "metrics scrape failed");
        res.writeHead(500).end();
      },
    );
  });
  return new Promise((resolve) => {
    server.once("error", (err) => {
      opts.logger.error({ err: err.message, port: opts.port }, "metrics port not served");
      resolve(undefined);
    });
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => {
      const { port } = server.address() as AddressInfo;
      const url = `http://${opts.host && opts.host !== "0.0.0.0" ? opts.host : "localhost"}:${port}/metrics`;
      opts.logger.info({ url, auth: opts.token ? "bearer" : "loopback only" }, "metrics served");
      resolve({
        url,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
