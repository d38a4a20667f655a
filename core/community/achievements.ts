// The catalogue of achievements, in the order /achievements lists them. A code is stored in UserAchievement:
// never rename or remove one. Names and descriptions are wording (locales/*/xp.ftl, xp-achievement-*).

export const ACHIEVEMENTS = [
  /** The first copied trade closed. */
  "first_trade",
  "trades_10",
  "trades_100",
  /** The first trade closed in profit, net of fees. */
  "first_profit",
  /** One trade that gained at least its whole margin, net of fees (100% return on the margin it used). */
  "big_win",
  /** 7 and 30 UTC days in a row with an active subscription. */
  "streak_7",
  "streak_30",
  /** Two-factor authentication confirmed (core/security/two-factor.ts). */
  "two_factor",
  /** A referred user copied their first trade on a live account. */
  "referral",
  /** A trade that counted in a tournament the user joined. */
  "tournament_player",
  /** A podium place in a tournament; awarded by the tournaments module through awardAchievement. */
  "tournament_winner",
] as const;

export type AchievementCode = (typeof ACHIEVEMENTS)[number];

export const isAchievementCode = (code: string): code is AchievementCode =>
  (ACHIEVEMENTS as readonly string[]).includes(code);

/** Closed copied trades each trade-count achievement needs. */
export const TRADE_COUNT_ACHIEVEMENTS: readonly { code: AchievementCode; trades: number }[] = [
  { code: "first_trade", trades: 1 },
  { code: "trades_10", trades: 10 },
  { code: "trades_100", trades: 100 },
];

/** Days in a row each streak achievement needs. */
export const STREAK_ACHIEVEMENTS: readonly { code: AchievementCode; days: number }[] = [
  { code: "streak_7", days: 7 },
  { code: "streak_30", days: 30 },
];

/** The trade-count achievements a total of closed trades has reached. */
export const tradeCountAchievements = (trades: number): AchievementCode[] =>
  TRADE_COUNT_ACHIEVEMENTS.filter((a) => trades >= a.trades).map((a) => a.code);

/** The streak achievements a streak of `days` has reached. */
export const streakAchievements = (days: number): AchievementCode[] =>
  STREAK_ACHIEVEMENTS.filter((a) => days >= a.days).map((a) => a.code);
