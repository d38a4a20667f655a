import type { Params } from "./order-params.ts";
import type { FakeAccount, FakeBinanceState } from "./state.ts";

export interface RouteContext {
  state: FakeBinanceState;
  params: Params;
  /** Set for signed routes, after the key and signature checked out. */
  account: FakeAccount;
  now: number;
}

export interface Route {
  signed: boolean;
  /** Order-creating routes are where fault injection applies. */
  createsOrder?: boolean;
  handle(ctx: RouteContext): unknown;
}

export type RouteTable = Map<string, Route>;

export function routeKey(method: string, path: string): string {
  return `${method} ${path}`;
}
