// What each XP award is worth and the key that makes it once-only. Every award comes from something the ledger
// records and the user cannot repeat at will (a trade closing, a day passing); XpEvent.key is unique, so a replay
// finds its key taken and awards nothing.

export const XP = {
  /** A copied trade closed (with something filled). */
  trade_closed: 10,
  /** On top of trade_closed: it closed in profit, net of fees. */
  trade_profit: 15,
  /** A UTC day with an active subscription. */
  active_day: 5,
  /** To the referrer: a referred user's first copied trade on a live (not paper) account. */
  referral: 100,
  /** A support answer marked helpful: at most one a UTC day (asking again is free, so more would be farmable). */
  helpful: 5,
} as const;

export type XpKind = keyof typeof XP;

// Keys are unique across all users: a key names its subject (a trade, an answer, a referred user) or, for
// per-day awards, the user and the day.
export const xpKey = {
  tradeClosed: (tradeId: string) => `trade_closed:${tradeId}`,
  tradeProfit: (tradeId: string) => `trade_profit:${tradeId}`,
  activeDay: (userId: string, day: string) => `active_day:${userId}:${day}`,
  referral: (referredUserId: string) => `referral:${referredUserId}`,
  helpful: (answerId: string) => `helpful:${answerId}`,
};
