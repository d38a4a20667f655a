import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody, sendJson } from "../fake-binance/http-io.ts";
import { type BybitParams, bybitRoutes } from "./bybit-routes.ts";
import { type BybitAccount, BybitError, FakeBybitState } from "./bybit-state.ts";

// A tiny Bybit v5 fake for the ccxt `bybit` client (linear perpetuals, unified account). Keys follow the
// Binance fake's rule: any key signing with `secret-<apiKey>` is accepted; revokeKey() makes it invalid.

export interface FakeBybit {
  readonly url: string;
  readonly state: FakeBybitState;
  revokeKey(apiKey: string): void;
  /** Gives the key the "Withdraw" wallet permission. */
  allowWithdrawals(apiKey: string): void;
  close(): Promise<void>;
}

export async function startFakeBybit(opts: { startingBalance?: string } = {}): Promise<FakeBybit> {
  const state = new FakeBybitState(opts.startingBalance ?? "10000");
  const server = createServer((req, res) => {
    void (async () => {
      const rawUrl = req.url ?? "/";
      const q = rawUrl.indexOf("?");
      const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
      const query = q < 0 ? "" : rawUrl.slice(q + 1);
      const body = req.method === "POST" ? await readBody(req) : "";
      const route = bybitRoutes[`${req.method} ${path}`];
      try {
        if (!route) throw new BybitError(10001, `no such endpoint in the fake: ${req.method} ${path}`, 404);
        const params: BybitParams = body
          ? (JSON.parse(body) as BybitParams)
          : Object.fromEntries(new URLSearchParams(query));
        const account = route.signed ? authenticate(state, req, req.method === "POST" ? body : query) : undefined;
        const result = route.handle(state, account, params);
        sendJson(res, 200, { retCode: 0, retMsg: "OK", result, retExtInfo: {}, time: Date.now() });
      } catch (err) {
        const e = err instanceof BybitError ? err : new BybitError(10016, "System error. Please try again later.", 500);
        sendJson(res, e.httpStatus, {
          retCode: e.retCode,
          retMsg: e.message,
          result: {},
          retExtInfo: {},
          time: Date.now(),
        });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    revokeKey: (apiKey) => {
      state.account(apiKey).revoked = true;
    },
    allowWithdrawals: (apiKey) => {
      state.account(apiKey).canWithdraw = true;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** v5 HMAC: hex(HMAC-SHA256(secret, timestamp + apiKey + recvWindow + (query string | JSON body))). */
function authenticate(state: FakeBybitState, req: IncomingMessage, payload: string): BybitAccount {
  const h = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const apiKey = h("x-bapi-api-key");
  if (!apiKey) throw new BybitError(10003, "API key is invalid.", 401);
  const account = state.account(apiKey);
  if (account.revoked) throw new BybitError(10003, "API key is invalid.", 401);
  const timestamp = h("x-bapi-timestamp") ?? "";
  const recvWindow = h("x-bapi-recv-window") ?? "5000";
  const expected = createHmac("sha256", account.secret)
    .update(timestamp + apiKey + recvWindow + payload)
    .digest("hex");
  if (h("x-bapi-sign") !== expected)
    throw new BybitError(10004, "Error sign, please check your signature generation algorithm.", 401);
  if (Math.abs(Date.now() - Number(timestamp)) > Number(recvWindow)) {
    throw new BybitError(10002, "invalid request, please check your server timestamp or recv_window param");
  }
  return account;
}
