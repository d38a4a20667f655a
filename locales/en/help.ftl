## /help, and the command menu of each transport (one description per command).

help-line = /{ $command } - { $description }
help-command-start = Welcome and what to do next
help-command-help = Every command, one line each
help-command-link = Link an exchange account (API key, or paper)
help-command-accounts = Your linked accounts; remove one
help-command-strategies = Strategies you can follow, with stats
help-command-subscribe = Follow a strategy with one of your accounts
help-command-unsubscribe = Stop following a strategy
help-command-settings = Pause/resume, sizing, TP/SL, max positions, slippage cap, DCA, TP split, notifications
help-command-positions = Your open trades (entry, mark, PnL, TP/SL) and other positions
help-command-balance = Balance per account
help-command-pnl = Your PnL card: equity, realised and unrealised
help-command-me = Your level, XP, achievements and leaderboard rank
help-command-achievements = Every achievement, earned or not
help-command-leaderboard = Leaderboard: the top 10 by return, and your rank
help-command-tournament = Tournaments: standings, or join the next one
help-command-vote = Vote on the open governance proposals (elite members)
help-command-propose = Propose a vote: /propose Title | option 1, option 2 | 3d (elite members)
help-command-2fa = Set up (or /2fa off) an authenticator app
help-command-panic = Close every position and cancel every order (needs 2FA)
help-command-connect = Use one Mimic account in Telegram and Discord
help-command-support = Ask a question about Mimic: /support <question>
help-command-ticket = Your open support tickets
help-command-terms = The terms of service, and your country of residence
help-command-cancel = Stop what you were asked for (a code, a key, a setting)
