## What the user reads when something is refused or fails. Internal details stay in the log.

# A refusal whose words come from the core (English): capitalised, with a full stop.
errors-detail = { $detail }.
errors-locked = Too many wrong codes. This is locked until { $until } UTC; nothing was changed.
errors-locked-later = Too many wrong codes. This is locked until later; nothing was changed.
errors-wrong-code = That code is wrong, expired or already used.
errors-invalid-key = The exchange refused these API keys (wrong key or secret, or the key is disabled). Nothing was saved. Check them and send /link again.
errors-key-can-withdraw = This API key is allowed to withdraw funds, so Mimic will not store it: a leaked key like that could empty your account. Create a new key with trading enabled and withdrawals OFF, then send /link again. Nothing was saved.
errors-position-mode = This account is in hedge (dual-side) position mode; Mimic trades one-way accounts only. Switch the futures position mode to one-way in the exchange's settings (no positions or orders may be open while you switch), then send /link again. Nothing was saved.
errors-exchange-timeout = The exchange did not answer in time. Nothing was changed; please try again in a minute.
errors-internal = Something went wrong on our side. Nothing was changed; please try again later.
# An operator disabled the user's account: every command gets this answer.
errors-account-disabled = Your Mimic account is disabled, so nothing can be done from here and no signals are copied. Contact the operator of this Mimic if you think this is a mistake.
