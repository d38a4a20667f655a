## /channel (Discord): signal channels. A publish channel shows every signal of a strategy as it is recorded; in
## a source channel, the poster's JSON messages become the strategy's signals. Option descriptions: at most 100
## characters. $strategy is a strategy's name, $slug its slug.

channels-command = Signal channels: post a strategy's signals here, or read them from a poster
channels-publish = Post every signal of a strategy in this channel
channels-source = Turn a poster's JSON messages in this channel into signals of a strategy
channels-unbind = Remove every binding of this channel
channels-governance = Post governance proposals, with voting buttons, and their results here
channels-option-strategy = The strategy's slug (you may bind the strategies you own)
channels-option-poster = Whose messages count: a user id, a user mention or a webhook id

channels-published = This channel now shows every signal of { $strategy } (`{ $slug }`) as soon as it is recorded.
channels-published-again = This channel already shows the signals of { $strategy } (`{ $slug }`); nothing changed.
# $poster is a mention with the id beside it.
channels-source-bound = Messages here from { $poster } now become signals of { $strategy } (`{ $slug }`). I react ✅ to each one recorded, and ❌ with a reply to one I cannot read.
channels-source-updated = Messages here from { $poster } now become signals of { $strategy } (`{ $slug }`); this poster replaces the previous one.
# $bindings lists what was removed, e.g. "publish: btc-momentum, source: eth-swing".
channels-unbound =
    { $count ->
        [one] Removed this channel's binding ({ $bindings }). Nothing more is posted or read here.
       *[other] Removed this channel's { $count } bindings ({ $bindings }). Nothing more is posted or read here.
    }
channels-unbound-none = This channel had no bindings; nothing changed.
channels-binding =
    { $kind ->
        [publish] publish
       *[source] source
    }: { $slug }
channels-unknown-strategy = There is no strategy "{ $strategy }". Nothing was bound.
channels-bad-poster = The poster must be a user id, a user mention or a webhook id; "{ $poster }" is none of these. Nothing was bound.
channels-unknown-subcommand = Use /channel publish, /channel source or /channel unbind.

# The reply to a poster's message that is not a signal; $problem names the field and what is wrong with it.
channels-source-invalid = ❌ Not a signal: { $problem }. Nothing was recorded. Fix the message (editing it is enough) or post it again.

## A signal as it is posted in a publish channel.
channels-post-title =
    { $action ->
        [long] 🟢 Long { $symbol }
        [short] 🔴 Short { $symbol }
       *[close] ⚪ Close { $symbol }
    }
channels-post-strategy = Signal of { $strategy } (`{ $slug }`)
channels-post-symbol = Symbol
channels-post-side = Side
channels-post-side-value =
    { $action ->
        [long] Long (BUY)
        [short] Short (SELL)
       *[close] Close
    }
channels-post-price = Reference price
channels-post-price-market = market
channels-post-stop-loss = Stop-loss
channels-post-take-profit = Take-profit
# A level given as a distance from the entry rather than a price.
channels-post-level-perc = { $perc } % from entry
channels-post-leverage = Leverage
channels-post-leverage-value = { $leverage }x
channels-post-leverage-none = the follower's own
channels-post-none = none
channels-post-id = Signal id
channels-post-time = Time
channels-post-footer = Copy it with /subscribe strategy:{ $slug }
channels-post-targets = Take-profit targets
# One target of a ladder: its number, its level (a price or a distance from the entry) and the share it closes.
channels-post-target-line = { $n }. { $level } ({ $size } %)
channels-post-entries = Entry zone (for { $minutes } min)
channels-post-entry = { $price } ({ $size } %)
channels-post-dca = DCA
channels-post-dca-value = { $orders } orders, every { $step } % against, × { $scale } each
channels-post-trailing = Trailing stop
channels-post-trailing-value = { $mode ->
    [breakeven] to the entry after the first target
    [moving_target] to the previous target after each one
   *[percent] { $distance } % behind the best price{ $activation ->
        [none] {""}
       *[other] , from +{ $activation } %
    }
  }
channels-post-slippage = Slippage cap
