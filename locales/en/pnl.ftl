## /pnl: the card's caption.

pnl-caption = Equity { $equity } { $quote }
pnl-caption-partial =
    Equity { $equity } { $quote } ({ $unreadable ->
        [one] 1 account could not be read and is left out
       *[other] { $unreadable } accounts could not be read and are left out
    })
