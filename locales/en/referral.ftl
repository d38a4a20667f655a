## Referrals and payouts (core/billing/referrals): /referral, /referral use, /payout, /banner.

referral-title = Invite friends, earn commissions
referral-code = Your code: { $code }
referral-telegram-link = Telegram: { $link }
referral-short-link = Short link: { $link }
referral-discord-code = Discord: /referral use code:{ $code }
referral-discord-use-hint = Came from someone? /referral use code:<their code>
referral-stats-title = So far
referral-stats-funnel = Clicks: { $clicks } · signups: { $signups } · copied a trade: { $copied } · paying: { $paying }
referral-stats-commissions = Commissions (USD): pending { $pending } · approved { $approved } · paid { $paid }
referral-terms = You earn { $perc }% of what the people you bring pay in their first { $months } months. A commission is approved { $days } days after the payment; ask for approved commissions with /payout <USDT address> <network> from { $min } USD.
referral-use-done = Done: you were invited with code { $code }.
referral-use-unknown = No one has that referral code. Check it and try again.
referral-use-self = That is your own code: you cannot refer yourself.
referral-use-loop = You invited that person: they cannot be your referrer.
referral-use-already = You already have a referrer, and it cannot be changed.
referral-use-usage = Send /referral use <code> with the code of the person who invited you.
referral-payout-usage = Send /payout <USDT address> <network>, the network one of TRC20, ERC20, BEP20, POLYGON.
referral-payout-requested = Payout requested: { $amountUsd } USD in USDT on { $network } to { $address }. An admin sends it and you are told the transaction.
referral-payout-below-minimum = Your approved balance is { $balance } USD; payouts start at { $min } USD.
referral-payout-bad-network = Payouts go out in USDT on { $networks } only.
referral-payout-bad-address = That address is not valid on { $network }.
referral-banner-caption = Share it: your code { $code }{ $link ->
    [none] {""}
   *[other] {" "}· { $link }
    }
referral-banner-title = Copy trades with me on Mimic
referral-banner-invite = Join with my code in Telegram or Discord
referral-banner-level = Level: { $level }
referral-banner-best = Best month: { $perc } ({ $month })
referral-command-show = Your code, links and commissions
referral-command-use = Enter the code of the person who invited you
referral-option-code = Their referral code
referral-payout-option-address = Your USDT address
referral-payout-option-network = The address's network
