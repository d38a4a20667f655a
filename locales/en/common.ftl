## Wording shared by several features and by every transport.
## Key scheme: every key starts with the name of its file ("common-", "link-", ...).
## Decimals (prices, amounts, money) arrive as ready-made strings; counts arrive as numbers.

common-cancel = Cancel
common-none = none
common-unknown = ?
# An account as people see it: its label, then the exchange.
common-account-label = { $label } ({ $exchange })
# Status words of accounts, subscriptions and trades.
common-status =
    { $status ->
        [active] active
        [paused] paused
        [ended] ended
        [invalid] invalid
        [removed] removed
        [opening] opening
        [open] open
        [closing] closing
        [closed] closed
       *[other] { $status }
    }
common-unknown-command = I don't know /{ $command }. Send /help for the list of commands.
common-unexpected-message = I wasn't expecting a message. Send /help for the list of commands.
common-menu-expired = This menu has expired. Send the command again.
# A question left unanswered for 10 minutes; $command is what starts it again, e.g. "/link" or "/2fa off".
common-flow-expired = That { $command } expired after 10 minutes without an answer, so nothing was changed. Send { $command } to start again.
# In a group or server channel: commands that touch money or secrets only answer in private.
common-private-only = For your safety, /{ $command } only works in a private chat. Open one with @{ $bot } and send it there.
# Transports whose answers are forms (e.g. a Discord modal): the generic submit and the private-only variant.
common-private-only-dm = For your safety, /{ $command } only works in a private message with me.
