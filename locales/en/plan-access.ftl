## Plans (docs/payments.md): premium strategies, the account limit, and the reminders before a plan ends.

# Subscribing to a premium strategy without a plan that covers it; $plans names the plans that do.
plan-access-required = { $strategy } is a premium strategy: it needs an active plan that includes it ({ $plans }). See /plans.
# Linking one account more than the user's plan allows.
plan-access-account-limit = Your { $plan } plan allows { $max } linked accounts. Remove one before linking another.
plan-access-reminder-3d = Your { $plan } plan ends in 3 days ({ $until }). Renew it with /plans to keep copying its premium strategies.
plan-access-reminder-1d = Your { $plan } plan ends tomorrow ({ $until }). Renew it with /plans to keep copying its premium strategies.
plan-access-reminder-expired = Your { $plan } plan ended ({ $until }). Its premium strategies stop opening new trades after a short grace period; open trades still close as usual. Renew it with /plans.
