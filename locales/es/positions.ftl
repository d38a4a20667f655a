## /positions: primero las operaciones de Mimic (entrada, precio, PnL no realizado, TP y SL), luego lo demás del exchange.

positions-no-accounts = No tienes cuentas vinculadas. Envía /link para añadir una.
positions-account = { $account }:
positions-unreadable = no se pudo leer en directo. { $error }
positions-no-trades = ninguna operación abierta
positions-trade = { $symbol } { $side } { $amount } @ { $entry }{ $extra } - { $strategy }
positions-mark = , precio { $price }
positions-pnl = , PnL { $pnl }
positions-state = {" "}({ $status })
positions-take-profit = TP { $price }
positions-no-take-profit = sin TP
positions-stop-loss = SL { $price }
positions-no-stop-loss = sin SL
positions-protection = { $tp }, { $sl }
positions-not-protected = { $tp }, { $sl } - sin protección: { $reason }
positions-others = No abiertas por Mimic:
positions-other = { $symbol } { $side } { $amount } @ { $entry }{ $pnl }
