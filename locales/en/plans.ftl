## /plans and paying with Plisio (docs/payments.md)

plans-title = Plans
plans-empty = No plans on sale yet.
plans-line = { $name }: { $price } USD for { $days ->
        [one] 1 day
       *[other] { $days } days
    }
plans-includes-all = Includes every premium strategy
plans-includes = Includes: { $strategies }
plans-includes-none = Includes no strategy yet
plans-max-accounts = up to { $count ->
        [one] 1 account
       *[other] { $count } accounts
    }
plans-current = Your plan: { $plan }, active until { $until } UTC.
plans-footer = Press a plan's button to pay in crypto through Plisio.
plans-payments-off = Payments are not configured on this Mimic yet: an admin can still grant you a plan.
plans-buy-button = Buy { $name } ({ $price } USD)
plans-invoice = Pay { $price } USD for { $plan } here:
    { $url }
    The plan starts as soon as Plisio confirms the payment.
plans-invoice-failed = Plisio could not create the invoice right now. Try again in a minute.
plans-gone = That plan is no longer on sale. Send /plans for the current ones.
# Notifications of a payment.
plans-paid = Payment received: { $plan } is active until { $until } UTC.
plans-expired = Your invoice for { $plan } ({ $price } USD) expired unpaid. Send /plans to start again.
plans-expired-received = Your invoice for { $plan } ({ $price } USD) expired underpaid: Plisio received { $received } { $currency }, less than the price, so the plan was not started. Contact support about what you sent.
