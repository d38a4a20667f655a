## /leaderboard: opting in, the card of the top 10 and the asker's own rank.

leaderboard-joined = You are on the leaderboard as { $nickname }. Send /leaderboard leave to be taken off it.
leaderboard-left = You left the leaderboard and your nickname is free again.
leaderboard-not-joined = You were not on the leaderboard.
leaderboard-usage = Send /leaderboard or /leaderboard 30d to see it, /leaderboard join <nickname> to appear on it, /leaderboard leave to be taken off.
leaderboard-nickname-taken = The nickname { $nickname } is taken: choose another.
leaderboard-nickname-rules = A nickname is 3 to 20 letters (A-Z), digits, _ or -, and may not contain "admin" or "mimic".
leaderboard-card-title = Leaderboard · { $window }
leaderboard-card-subtitle = Return on equity · { $ranked } ranked · at least { $min } closed trades
leaderboard-card-trades =
    { $trades ->
        [one] 1 trade
       *[other] { $trades } trades
    }
leaderboard-card-empty = Nobody is ranked yet.
leaderboard-you-ranked = You: #{ $rank } of { $ranked }, { $roe }
leaderboard-you-unranked = You: { $trades } of the { $min } closed trades needed to be ranked
leaderboard-you-not-joined = You are not on the leaderboard: /leaderboard join <nickname>
# Discord: the command, its subcommands and options.
leaderboard-command-show = See the leaderboard
leaderboard-command-join = Appear on the leaderboard under a nickname
leaderboard-command-leave = Be taken off the leaderboard
leaderboard-option-period = 7 or 30 days
leaderboard-option-nickname = 3 to 20 letters, digits, _ or -
