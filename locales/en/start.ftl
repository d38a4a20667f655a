## /start

start-greeting-new = Welcome to Mimic!
start-greeting-back = Welcome back to Mimic.
start-intro = Mimic copies the trades of the strategies you follow to your own exchange account, sized by your settings.
start-next-link = Next: /link an exchange account (or a paper account to try it risk-free), then /subscribe to a strategy from /strategies.
start-next-follow = Next: /strategies to find one to follow, /subscribe, or /positions to see your trades.
start-outro = Set up /2fa so that /panic can close everything in an emergency. /help lists every command.
