## Discord only: command and option descriptions (at most 100 characters), form and button texts, and what
## only Discord says. Everything else the Discord bot says comes from the shared files.

discord-help-title = Mimic commands
# A command used in a DM that works only in a server channel.
discord-guild-only = /{ $command } only works in a server channel.

discord-link-option-exchange = The exchange (paper: simulated money, no keys)
discord-link-pick-placeholder = Choose an exchange
# $problem says what is wrong with what was typed in the form.
discord-link-invalid = { $problem }. Nothing was saved; run /link again.

discord-accounts-remove-placeholder = Remove an account…
discord-accounts-guard-placeholder = Daily limits of an account…

discord-subscribe-option-strategy = The strategy to follow (see /strategies)
discord-subscribe-option-sizing = How each trade is sized
discord-subscribe-option-value = The sizing value: 2 for 2%, 250 for 250 USDT, 0.5 for half; asked in a form when left out
discord-subscribe-option-account = Your account that copies it (default: your only one)
discord-subscribe-option-leverage = Cap the leverage at (default: no cap, the signal's)
discord-subscribe-unknown-strategy = There is no strategy "{ $strategy }". See /strategies for the ones you can follow; nothing was changed.
discord-subscribe-unknown-account = You have no active account "{ $account }". Choose one from the list, or /link one; nothing was changed.
discord-subscribe-choose-account = You have several accounts: choose one in the account option. Nothing was changed.

discord-unsubscribe-option-strategy = The strategy to stop following (leave it out to choose from a list)
discord-unsubscribe-placeholder = Choose a subscription
discord-unsubscribe-unknown = You do not follow "{ $strategy }". Nothing was changed.

discord-settings-placeholder = Choose a subscription
discord-settings-back = Back

discord-2fa-option-action = Set up an authenticator app (default), or turn it off
discord-2fa-choice-setup = set up
discord-2fa-choice-off = off
discord-two-factor-already-on = Two-factor authentication is on. /panic will ask for a code. Use /2fa action:off to remove it.
# The text beside the QR code; $secret is the key to type by hand.
discord-two-factor-setup =
    { two-factor-scan }

    Then press the button below and enter the 6-digit code it shows. This message loses the picture and the key once you confirm.

# Under the code field of /panic's form (at most 100 characters).
discord-panic-form-warning = Closes EVERY position and cancels EVERY order on all your accounts; pauses your subscriptions.

discord-command-connect = Use one Mimic account in Telegram and Discord
discord-connect-option-code = A code from /connect in Telegram (leave it out to get a code for Telegram)
