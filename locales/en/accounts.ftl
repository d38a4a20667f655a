## /accounts: what is linked, and removing one.

accounts-empty = No accounts linked yet. Send /link to add one.
accounts-title = Your accounts:
accounts-line =
    { $index }. { $account } - { $subscriptions ->
        [one] 1 active subscription
       *[other] { $subscriptions } active subscriptions
    }
# $status is already worded (see common-status).
accounts-line-with-status =
    { $index }. { $account } [{ $status }] - { $subscriptions ->
        [one] 1 active subscription
       *[other] { $subscriptions } active subscriptions
    }
accounts-remove-button = Remove { $index }. { $account }
accounts-remove-confirm = Remove this account? Its stored keys are erased and its subscriptions paused. Open positions stay open on the exchange.
accounts-remove-yes = Yes, remove it
accounts-remove-kept = Nothing was removed.
accounts-removed =
    Account removed; { $paused ->
        [one] 1 subscription paused.
       *[other] { $paused } subscriptions paused.
    }

## Daily guardrails, per account: a loss limit and a profit lock, in percent of the day's starting equity.

accounts-guard-off = off
# $loss and $profit are "5%" or accounts-guard-off's word.
accounts-guard-status = Daily loss limit: { $loss } · daily profit lock: { $profit }
# $reason is "daily_loss" or "daily_profit".
accounts-guard-halted =
    { $reason ->
        [daily_profit] Daily profit lock reached today: no new entries until 00:00 UTC.
       *[daily_loss] Daily loss limit reached today: no new entries until 00:00 UTC.
    }
accounts-guard-not-halted = Not halted today.
accounts-guard-button = Daily limits of { $index }. { $account }
accounts-guard-title = Daily limits of { $account }
accounts-guard-explain = Measured from 00:00 UTC: what Mimic's trades realised today plus their open PnL, against the day's starting equity. Past a limit, Mimic closes its trades on this account and opens nothing new until 00:00 UTC.
accounts-guard-loss = Daily loss limit
accounts-guard-profit = Daily profit lock
accounts-guard-ask-loss = Send the daily loss limit in percent of the day's starting equity (e.g. 5), or "off" to turn it off.
accounts-guard-ask-profit = Send the daily profit lock in percent of the day's starting equity (e.g. 10), or "off" to turn it off.
accounts-guard-invalid = That value { $problem }; nothing changed. { $ask }
accounts-guard-saved = Saved.
accounts-guard-gone = That account does not exist any more.
# Form transports (e.g. a Discord modal); labels stay short.
accounts-guard-form-loss = Daily loss limit in % (empty: off)
accounts-guard-form-profit = Daily profit lock in % (empty: off)
