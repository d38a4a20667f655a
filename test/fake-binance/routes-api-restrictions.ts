import type { Route } from "./route.ts";

// Binance's spot API answers what a key may do; Mimic refuses keys that can withdraw.
export const apiRestrictionRoutes: Record<string, Route> = {
  "GET /sapi/v1/account/apiRestrictions": {
    signed: true,
    handle: ({ state, account, now }) => ({
      ipRestrict: false,
      createTime: now,
      enableReading: true,
      enableFutures: true,
      enableWithdrawals: state.withdrawalKeys.has(account.apiKey),
      enableInternalTransfer: false,
      permitsUniversalTransfer: false,
      enableVanillaOptions: false,
      enableMargin: false,
      enableSpotAndMarginTrading: false,
    }),
  },
};
