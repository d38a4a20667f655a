## /link: choose an exchange, then give the key, the secret and (for some exchanges) the passphrase.

link-choose-exchange = Which exchange?
link-paper-button = paper (simulated, { $balance } USDT)
link-not-offered = That exchange is not offered. Send /link to choose again.
link-paper-linked = Paper account linked with { $balance } USDT of simulated money.
link-paper-next = Next: /subscribe to a strategy (see /strategies).
link-linking = Linking { $exchange }.
# How the key must be made; said wherever a transport asks for one.
link-key-advice = Create it with trading enabled and withdrawals OFF.
# Chat transports: the key, secret and passphrase come one message at a time, each deleted on arrival.
link-ask-key = Send the API key of your { $exchange } account. { link-key-advice } I delete every message holding a secret as soon as I read it.
link-ask-secret = Now send the API secret (for an Ed25519 or RSA key: the whole private key, BEGIN to END).
link-ask-password = Now send the API passphrase.
link-invalid = { $problem }. Please send it again (or /link to restart).
# What is wrong with a pasted key, secret or passphrase.
link-problem-too-short = that is too short to be an API key or secret
link-problem-too-long = that is too long to be an API key or secret
link-problem-spaces = API keys and secrets have no spaces
link-problem-pem = that private key is incomplete: send the whole PEM block, BEGIN to END
link-problem-other = that does not look right
link-checking = Checking the keys with the exchange...
link-linked = { $exchange } account linked. The keys are stored encrypted. Next: /subscribe to a strategy.
# Form transports (e.g. a Discord modal): one form holds every part; nothing is kept between steps.
link-form-title = Link { $exchange }
link-form-intro = { link-key-advice } Mimic checks the key with the exchange before saving it, encrypted.
link-form-key = API key
link-form-secret = API secret
link-form-secret-hint = For an Ed25519 or RSA key: the whole private key, BEGIN to END
link-form-password = API passphrase
link-form-open = Enter the keys
