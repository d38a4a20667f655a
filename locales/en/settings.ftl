## /settings: per subscription pause/resume, sizing, TP/SL override, max open positions; notification opt-ins.

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
settings-summary =
    { $strategy } on { $account }: { $status }
    Sizing: { $sizing } { $unit }
    Leverage cap: { $leverage }
    Take profit: { $tp }, stop loss: { $sl }
    Max open positions: { $maxPositions }
settings-unit-risk = % of free balance
settings-unit-fixed = USDT per trade
settings-unit-multiplier = x signal size
settings-signal-risk = signal's risk
settings-signals-own = signal's
settings-no-limit = no limit
settings-size-by = Size each trade by:
settings-size-risk = % of free balance
settings-size-fixed = fixed USDT
settings-size-multiplier = multiple of signal
settings-ask-take-profit = Send the take-profit distance in percent (e.g. 2), or "off" to use the signal's.
settings-ask-stop-loss = Send the stop-loss distance in percent (e.g. 1), or "off" to use the signal's.
settings-ask-max-positions = Send the most positions this subscription may hold at once (e.g. 3), or "off" for no limit.
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
