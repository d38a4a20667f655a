## /positions: Mimic's trades first (entry, mark, unrealised PnL, TP and SL), then what else the exchange holds.

positions-no-accounts = No accounts linked. Send /link to add one.
positions-account = { $account }:
positions-unreadable = could not be read live. { $error }
positions-no-trades = no open trades
# $extra holds the optional parts below, already worded, in this order: mark, PnL, state.
positions-trade = { $symbol } { $side } { $amount } @ { $entry }{ $extra } - { $strategy }
positions-mark = , mark { $price }
positions-pnl = , PnL { $pnl }
positions-state = {" "}({ $status })
positions-take-profit = TP { $price }
positions-no-take-profit = no TP
positions-stop-loss = SL { $price }
positions-no-stop-loss = no SL
positions-protection = { $tp }, { $sl }
positions-not-protected = { $tp }, { $sl } - not protected: { $reason }
positions-others = Not opened by Mimic:
positions-other = { $symbol } { $side } { $amount } @ { $entry }{ $pnl }
