import type { RouteTable } from "./bybit-route.ts";
import { accountRoutes } from "./routes-account.ts";
import { historyRoutes } from "./routes-history.ts";
import { orderRoutes } from "./routes-orders.ts";
import { publicRoutes } from "./routes-public.ts";

export type { BybitParams } from "./bybit-route.ts";

export const bybitRoutes: RouteTable = { ...publicRoutes, ...accountRoutes, ...orderRoutes, ...historyRoutes };
