## /settings: per subscription pause/resume, sizing, TP/SL override, max open positions, the entries' slippage cap;
## notification opt-ins.

settings-choose = Choose a subscription to change:
settings-none = No subscriptions yet (/subscribe). Notifications:
settings-subscription-button = { $strategy } on { $account } ({ $status })
# $on is "yes" or "no".
settings-signal-alerts-button = Signal alerts: { $on ->
        [yes] on
       *[no] off
    }
settings-daily-button = Daily summary: { $on ->
        [yes] on
       *[no] off
    }
settings-signal-alerts-turned = Signal alerts turned { $on ->
        [yes] on
       *[no] off
    }.
settings-daily-turned = Daily summary turned { $on ->
        [yes] on
       *[no] off
    }.
# Where notifications go, for someone on both apps; $via is "telegram" or "discord".
settings-notify-via-button = Notifications by: { $via ->
        [telegram] Telegram
       *[discord] Discord
    }
settings-notify-via-turned = Notifications now arrive by { $via ->
        [telegram] Telegram
       *[discord] Discord
    }.
settings-pause = Pause
settings-resume = Resume
settings-sizing = Sizing
settings-take-profit = Take profit
settings-stop-loss = Stop loss
settings-max-positions = Max open positions
settings-slippage = Slippage cap
settings-summary =
    { $strategy } on { $account }: { $status }
    Sizing: { $sizing } { $unit }
    Leverage cap: { $leverage }
    Take profit: { $tp }, stop loss: { $sl }
    Max open positions: { $maxPositions }
    Entry slippage cap: { $slippage }
settings-unit-risk = % of free balance
settings-unit-fixed = USDT per trade
settings-unit-multiplier = x signal size
settings-signal-risk = signal's risk
settings-signals-own = signal's
settings-no-limit = no limit
# No cap of the follower's own: the signal's applies, else Mimic's default.
settings-slippage-default = signal's, else 0.3% (BTC, ETH) or 0.5%
settings-size-by = Size each trade by:
settings-size-risk = % of free balance
settings-size-fixed = fixed USDT
settings-size-multiplier = multiple of signal
settings-ask-take-profit = Send the take-profit distance in percent (e.g. 2), or "off" to use the signal's.
settings-ask-stop-loss = Send the stop-loss distance in percent (e.g. 1), or "off" to use the signal's.
settings-ask-max-positions = Send the most positions this subscription may hold at once (e.g. 3), or "off" for no limit.
settings-ask-slippage = Send how far from the signal's price an entry may fill, in percent (e.g. 0.5, at most 5), or "off" to use the signal's (else 0.3% for BTC and ETH, 0.5% for the rest). An entry the market has moved past is not copied.
settings-ask-risk = Send the percent of free balance to use as margin per trade (e.g. 2).
settings-ask-fixed = Send the USDT value of each trade (e.g. 250).
settings-ask-multiplier = Send the multiple of the signal's quantity (e.g. 0.5).
# Words that clear an override (comma-separated; English ones always work too).
settings-off-words = off, none, no
settings-invalid = That value { $problem }; nothing changed. { $ask }
settings-problem-invalid = is not valid
settings-saved = Saved.
settings-gone = That subscription does not exist any more.
# Form transports (e.g. a Discord modal); labels stay short.
settings-form-take-profit = Take-profit distance in % (empty: signal's)
settings-form-stop-loss = Stop-loss distance in % (empty: signal's)
settings-form-max-positions = Max open positions (empty: no limit)
settings-form-slippage = Slippage cap in % (empty: signal's)
# The follower's trailing stop: how the stop-loss of the subscription's trades moves (it only ever tightens).
settings-trailing = Trailing stop
# $mode is "signal", "off", "breakeven", "moving_target" or "percent"; $distance is a percent.
settings-trailing-summary = Trailing stop: { $mode ->
        [off] off, the stop stays where it is placed
        [breakeven] to the entry after the first target
        [moving_target] to the entry, then to the previous target after each one
        [percent] { $distance }% behind the best price
       *[signal] the signal's
    }
settings-trailing-summary-activated = Trailing stop: { $distance }% behind the best price, once { $activation }% in profit
settings-trailing-choose = How should the stop-loss of this subscription's trades move? It only ever moves tighter, never looser.
settings-trailing-signal = Signal's
settings-trailing-off = Off
settings-trailing-breakeven = Breakeven
settings-trailing-moving-target = Moving target
settings-trailing-percent = Trail { $distance }%
settings-back = Back
# The follower's DCA switch: whether the signal's DCA (safety) orders are placed. $on is "yes" or "no".
settings-dca-button = DCA: { $on ->
        [yes] on
       *[no] off
    }
settings-dca-summary = DCA orders: { $on ->
        [yes] on, the signal's safety orders are placed
       *[no] off, only the entry is placed
    }
# The follower's own take-profit split: targets in percent from the fill, each closing a share of the position.
settings-split = Take-profit split
# $split is the targets ("1.5% (50%), 3% (30%)") or settings-split-signal.
settings-split-summary = Take-profit split: { $split }
settings-split-signal = the signal's targets
settings-ask-split = Send your take-profit targets as distance:share in percent, e.g. "1.5:50 3:30 5:20" (close 50% at 1.5% profit, 30% at 3%, 20% at 5%; at most 8 targets, shares adding up to at most 100). It replaces the signal's targets and your take profit. Send "signal" to use the signal's targets again.
# Words that mean "the signal's targets" (comma-separated; "signal" and the off words always work too).
settings-split-signal-words = signal
settings-split-invalid = That split is not valid: { $problem }. Nothing changed. { $ask }
settings-form-split = Targets as distance:share (empty: signal's)
