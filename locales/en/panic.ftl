## /panic: close every position and cancel every order, behind a one-time code.

panic-needs-2fa = /panic needs two-factor authentication, so that nobody holding your phone unlocked can use it. Set it up with /2fa first.
panic-confirm = This closes EVERY open position and cancels EVERY open order on all your accounts, and pauses your subscriptions. Send the current 6-digit code from your authenticator to go ahead, or /cancel to back out.
panic-closing = Closing everything...
panic-done =
    Panic done. { $paused ->
        [one] 1 subscription paused
       *[other] { $paused } subscriptions paused
    } (resume in /settings).
panic-no-accounts = No active accounts.
panic-account = { $account }:
panic-closed = closed { $symbol } { $side } { $amount }
panic-closed-at = closed { $symbol } { $side } { $amount } @ { $price }
panic-no-positions = no open positions
panic-orders-cancelled = open orders cancelled in { $symbols }
panic-failed = FAILED: { $error } - check this account on the exchange
panic-failed-symbol = FAILED { $symbol }: { $error } - check this account on the exchange
# Form transports (e.g. a Discord modal): the warning is the form's text, the code its only field.
panic-form-title = Close everything
panic-form-code = 6-digit code from your authenticator
