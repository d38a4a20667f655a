import type { Params } from "./order-params.ts";
import type { DelayedFillPlan } from "./pending-fills.ts";
import type { FakeAccount, FakeBinanceState } from "./state.ts";

export interface RouteContext {
  state: FakeBinanceState;
  params: Params;
  /** Set for signed routes, after the key and signature checked out. */
  account: FakeAccount;
  now: number;
  /** Set when the delayedFill fault fired for this MARKET order. */
  delayedFill?: DelayedFillPlan;
  /** Set when the staleLookup fault fired: orders accepted after this instant are not found. */
  hideAcceptedAfter?: number;
}

export interface Route {
  signed: boolean;
  /** Order-creating routes are where fault injection applies. */
  createsOrder?: boolean;
  /** Single-order look-ups are where the look-up faults apply. */
  lookup?: boolean;
  handle(ctx: RouteContext): unknown;
}

export type RouteTable = Map<string, Route>;

export function routeKey(method: string, path: string): string {
  return `${method} ${path}`;
}
