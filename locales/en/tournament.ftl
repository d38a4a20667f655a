## /tournament: joining, the standings, and the results when it ends.

tournament-none = There is no tournament yet.
tournament-none-open = No tournament is open for joining right now.
tournament-started = { $name } has already started: joining closed at its start.
tournament-joined = You joined { $name }. It runs from { $start } to { $end } UTC; trades opened and closed in that time count.
tournament-already-joined = You are already in { $name }.
tournament-header =
    { $name } ({ $status ->
        [upcoming] starts soon
        [running] running
       *[ended] ended
    }): { $start } – { $end } UTC, { $participants ->
        [one] 1 participant
       *[other] { $participants } participants
    }, at least { $min } trades to be ranked
tournament-prize = Prize: { $prize }
tournament-line = { $rank }. { $name } { $roe } ({ $trades } trades)
tournament-line-final = { $rank }. { $name } { $roe }
tournament-anonymous = anonymous
tournament-nobody-ranked = Nobody is ranked yet.
tournament-you-can-join = Send /tournament join to take part.
tournament-you-not-joined = You are not in this tournament.
tournament-you-ranked = You: #{ $rank }, { $roe }
tournament-you-unranked = You: { $trades } of the { $min } trades needed to be ranked
tournament-result-title = { $name } is over: { $ranked } ranked.
tournament-result-you = Your final place: #{ $rank }, { $roe }.
# Discord: the subcommands.
tournament-command-show = See the standings
tournament-command-join = Join the next tournament (before it starts)
