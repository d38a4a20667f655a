## Messages sent without being asked: fills, failures, closed trades, signal alerts, the daily summary.
## Plain text: nothing from an exchange can break a markup.

# Where a copy happened.
notifications-where = { $strategy } on { $account }
# What a signal asked for: "long BTC/USDT:USDT", "close BTC/USDT:USDT".
notifications-what =
    { $action ->
        [close] close { $symbol }
        [long] long { $symbol }
        [short] short { $symbol }
       *[other] { $action } { $symbol }
    }
notifications-market = market
notifications-unknown = unknown
# A closed trade: "long 0.05 closed @ 61200 (entry 60000): PnL +59.40 USDT after 0.60 fees".
notifications-closed = { $side } { $amount } closed @ { $exit }: PnL { $pnl } after { $fees } fees
notifications-closed-with-entry = { $side } { $amount } closed @ { $exit } (entry { $entry }): PnL { $pnl } after { $fees } fees
notifications-closed-by-signal = Closed by signal: { $symbol } { $closed } ({ $where }).
notifications-reversed = Reversed: { $symbol } { $closed }, then opened { $action }.
notifications-filled = Filled: { $what }, { $amount } @ { $price } ({ $where }).
notifications-unprotected =
    WARNING: this position is open WITHOUT its protection: { $reason }.
    Set the stop-loss / take-profit on the exchange yourself now, or close the position there.
notifications-unprotected-reason = the exchange refused it
notifications-note = Note: { $reason }.
notifications-skipped = Skipped: { $what } ({ $where }).
notifications-skipped-because = Skipped: { $what } ({ $where }). { $reason }
notifications-reversal-skipped = Reversal: { $symbol } { $closed }; not reopened: { $what } ({ $where }).
notifications-reversal-skipped-because = Reversal: { $symbol } { $closed }; not reopened: { $what } ({ $where }). { $reason }
notifications-failed =
    Failed: { $what } ({ $where }).
    Reason: { $reason }
    { $advice }
# What went wrong, in plain words, and what the follower can do about it; by error code.
notifications-advice =
    { $code ->
        [INSUFFICIENT_MARGIN] Not enough free margin on the account. Top it up, or lower the size in /settings.
        [BELOW_MINIMUM] The order came out below the exchange's minimum size. Raise the size in /settings.
        [UNKNOWN_MARKET] Your exchange does not list this market, so it cannot be copied there. Nothing to do.
        [INVALID_KEY] The exchange refused the API key (revoked or expired?). Link a new key with /link and remove the old account in /accounts.
        [ORDER_REJECTED] The exchange rejected the order. Check the account's settings on the exchange (position mode, margin mode).
        [NO_PRICE] There was no price to trade at. Nothing was placed.
        [RATE_LIMITED] The exchange kept rate-limiting us and we gave up. Check /positions; the next signal will try again.
        [EXCHANGE_UNAVAILABLE] The exchange was unreachable and we gave up. Check /positions; the next signal will try again.
        [EXCHANGE_UNCERTAIN] The exchange did not confirm the order. Check /positions to see whether it went through.
        [ORDER_EXPIRED] The exchange let the entry expire without filling any of it, so nothing is open. Nothing to do.
        [ORDER_PENDING] The exchange never finished filling the order. Check /positions for what is open.
       *[other] Check /positions and the account on the exchange.
    }
# An entry sent as a limit at the slippage cap that expired: the market had moved past the cap.
notifications-advice-slippage-cap = The price moved past the slippage cap before the entry could fill, so nothing is open, and the signal is not chased. If this happens often, allow more slippage in /settings.
# A trade closed without a signal: by a trigger, the exchange, or the follower by hand.
notifications-trade-closed =
    { $reason ->
        [take_profit] Take-profit hit
        [stop_loss] Stop-loss hit
        [liquidation] Liquidated
       *[manual] Closed on the exchange
    }: { $symbol } { $closed } ({ $where }). { $reason ->
        [manual] Mimic stopped tracking it and cancelled its TP/SL.
        [liquidation] The exchange closed it for lack of margin; its TP/SL are cancelled.
       *[other] The other protective order was cancelled.
    }
notifications-signal = Signal: { $strategy } says { $what }.
notifications-signal-at = Signal: { $strategy } says { $what } at { $price }.
notifications-daily = Daily summary { $date }: { $filled } filled, { $failed } failed, { $skipped } skipped in the last 24 h. /pnl for the card.
# A daily guardrail tripped (the follower's loss limit or profit lock, in /accounts). $reason is "daily_loss" or
# "daily_profit"; $pnl is the day's PnL with its sign and currency ("-512.40 USDT"); $perc and $limit are percents.
notifications-guardrail =
    { $reason ->
        [daily_profit] Daily profit lock reached on { $account }: { $pnl } today ({ $perc }%, lock { $limit }%).
       *[daily_loss] Daily loss limit reached on { $account }: { $pnl } today ({ $perc }%, limit { $limit }%).
    } { $trades ->
        [0] Mimic opens nothing new there until 00:00 UTC.
        [one] Mimic closed its open trade there and opens nothing new until 00:00 UTC.
       *[other] Mimic closed its { $trades } open trades there and opens nothing new until 00:00 UTC.
    }
# A take-profit target of a trade with several filled: "Target 1/3 hit: BTC/USDT:USDT long 0.05 @ 61500, PnL +75.00 USDT
# before fees". $pnl carries its sign and currency.
notifications-target = Target { $target }/{ $targets } hit: { $symbol } { $side } { $amount } @ { $price }, PnL { $pnl } before fees ({ $where }). The rest stays open.
# The trade's stop-loss moved (breakeven, moving target, trailing stop: only ever tighter; or from a new average entry after a DCA fill).
notifications-stop-moved = Stop-loss moved: { $symbol } { $side } now stops at { $price } (was { $from }) ({ $where }).
notifications-stop-set = Stop-loss set: { $symbol } { $side } now stops at { $price } ({ $where }).
# A limit entry of the trade's entry zone filled (whole, or part of it so far): the trade and its TP/SL now cover the total.
notifications-entry-filled = Entry { $order }/{ $orders } { $final ->
    [yes] filled
   *[no] partly filled
  }: { $symbol } { $side } { $amount } @ { $price }. The trade now holds { $total } at an average of { $average }, with its TP/SL for all of it ({ $where }).
# A DCA (safety) order filled: the average entry moved, and the TP/SL were placed again from it.
notifications-dca-filled = DCA order { $order }/{ $orders } { $final ->
    [yes] filled
   *[no] partly filled
  }: { $symbol } { $side } { $amount } @ { $price }. The trade now holds { $total } at an average of { $average }; its TP/SL are recomputed from that ({ $where }).
