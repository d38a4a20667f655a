## /2fa: enrol an authenticator app (QR + manual key, confirmed with a code); "/2fa off" removes it.

two-factor-not-on = Two-factor authentication is not on; nothing to turn off.
two-factor-ask-disable-code = Send the current 6-digit code from your authenticator to turn 2FA off.
two-factor-usage = Use /2fa to set up an authenticator, or /2fa off to remove it.
two-factor-already-on = Two-factor authentication is on. /panic will ask for a code. Send /2fa off to remove it.
# The text beside the QR code; $secret is the key to type by hand, on a line of its own.
two-factor-scan =
    Scan this with an authenticator app (Google Authenticator, Aegis, 1Password...), or enter the key by hand:
    { $secret }
two-factor-setup =
    { two-factor-scan }

    Then send the 6-digit code it shows. I delete this picture once you confirm.
two-factor-enabled = Two-factor authentication is on. /panic now works with a code from your app.
two-factor-disabled = Two-factor authentication is off. /panic is unavailable until you set it up again.
two-factor-attempts-left =
    { $count ->
        [one] 1 attempt left before a 15-minute lock.
       *[other] { $count } attempts left before a 15-minute lock.
    }
# Form transports (e.g. a button that opens a Discord modal).
two-factor-form-title = Authenticator code
two-factor-form-code = 6-digit code from your authenticator
two-factor-form-open = Enter the code
