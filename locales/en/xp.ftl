## XP, levels and achievements (core/community): /me, /achievements, and the level-up and achievement messages.

xp-level = { $level ->
    [0] Bronze
    [1] Silver
    [2] Gold
    [3] Platinum
    [4] Elite
   *[other] Level { $level }
    }
xp-achievement-name = { $code ->
    [first_trade] First copy
    [trades_10] Ten trades
    [trades_100] Hundred trades
    [first_profit] First profit
    [big_win] Double up
    [streak_7] One-week streak
    [streak_30] One-month streak
    [two_factor] Locked down
    [referral] Bring a friend
    [tournament_player] Contender
    [tournament_winner] Champion
   *[other] { $code }
    }
xp-achievement-about = { $code ->
    [first_trade] your first copied trade closed
    [trades_10] 10 copied trades closed
    [trades_100] 100 copied trades closed
    [first_profit] a trade closed in profit, after fees
    [big_win] one trade gained its whole margin, after fees
    [streak_7] 7 days in a row with an active subscription
    [streak_30] 30 days in a row with an active subscription
    [two_factor] two-factor authentication set up (/2fa)
    [referral] someone you invited copied their first trade
    [tournament_player] a trade counted in a tournament
    [tournament_winner] a podium place in a tournament
   *[other] { $code }
    }

xp-level-up = 🎉 You reached { $level } with { $xp } XP!
xp-level-up-next = { $needed } XP more to { $next }.
xp-level-up-top = That is the top level: you may vote on proposals (/vote).
xp-achievement-earned = 🏅 Achievement unlocked: { $name } ({ $about }).

xp-me-title = Your progress
xp-me-level = Level: { $level } · { $xp } XP
xp-me-next = { $needed } XP to { $next }
xp-me-top = Top level reached
xp-me-rank = Rank #{ $rank } of { $ranked } on the { $window } leaderboard
xp-me-not-joined = Not on the leaderboard: /leaderboard join <nickname> to appear.
xp-me-unranked = On the leaderboard once you have { $min } closed trades in { $window }.
xp-me-achievements = Achievements ({ $earned }/{ $total }): { $list }
xp-me-no-achievements = No achievements yet: /achievements lists them all.
xp-me-how = XP: +{ $closed } per copied trade closed, +{ $profit } more in profit, +{ $day } per day with an active subscription, +{ $referral } when someone you invited copies their first trade on a live account.

xp-achievements-title = Achievements ({ $earned }/{ $total })
xp-achievements-earned = ✅ { $name }: { $about } ({ $date })
xp-achievements-locked = ▫️ { $name }: { $about }
