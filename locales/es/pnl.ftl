## /pnl: el pie de la tarjeta.

pnl-caption = Patrimonio { $equity } { $quote }
pnl-caption-partial =
    Patrimonio { $equity } { $quote } ({ $unreadable ->
        [one] 1 cuenta no se pudo leer y queda fuera
       *[other] { $unreadable } cuentas no se pudieron leer y quedan fuera
    })
