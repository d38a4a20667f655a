# /connect: one Mimic user behind a Telegram and a Discord identity.
connect-code-for-telegram = Your code: { $code } (valid for { $minutes } minutes, once). In Mimic's Telegram bot, send: /connect { $code }
connect-code-for-discord = Your code: { $code } (valid for { $minutes } minutes, once). In Mimic's Discord bot, use: /connect code:{ $code }
connect-done = Connected: your Telegram and Discord accounts are now one Mimic user.
connect-merged = Connected: your Telegram and Discord accounts are now one Mimic user; the accounts and subscriptions you had on this side moved to it.
