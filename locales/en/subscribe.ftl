## /subscribe: strategy, account, sizing mode and value, leverage cap.

subscribe-link-first = Link an account first: send /link (a paper account works for trying it out).
subscribe-no-strategies = There are no strategies to follow yet.
subscribe-strategy-button = { $name } ({ $followers })
subscribe-ask-strategy = Which strategy do you want to follow?
subscribe-ask-account = With which account?
subscribe-ask-mode = How should each trade be sized?
subscribe-mode-risk = % of free balance as margin
subscribe-mode-fixed = fixed USDT per trade
subscribe-mode-multiplier = multiple of the signal's size
subscribe-sizing-chosen = Sizing: { $mode }.
subscribe-ask-risk = What percent of the free balance should each trade use as margin? (e.g. 2)
subscribe-ask-fixed = How many USDT should each trade be worth? (e.g. 250)
subscribe-ask-multiplier = Which multiple of the signal's quantity? (e.g. 0.5)
# $problem says what is wrong ("must be a number such as 250"); $ask repeats the question.
subscribe-invalid-value = That value { $problem }. { $ask }
subscribe-problem-invalid = is not valid
subscribe-ask-leverage = Cap the leverage at:
subscribe-leverage = { $leverage }x
subscribe-no-leverage-cap = No cap (use the signal's)
subscribe-done =
    Subscribed. Sizing: { $value } ({ $mode }), leverage cap: { $leverage }.
    You will get a message for every trade. Change it any time with /settings.
subscribe-expired = This menu has expired. Send /subscribe to start again.
# Form transports (e.g. a Discord modal asking for the sizing value); labels stay short.
subscribe-form-title = Follow { $strategy }
subscribe-form-risk = Percent of free balance (e.g. 2)
subscribe-form-fixed = USDT per trade (e.g. 250)
subscribe-form-multiplier = Multiple of the signal's size (e.g. 0.5)
