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
