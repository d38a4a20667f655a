## Terms of service and country of residence (core/community/terms): asked before the first money-touching
## command (/link, /subscribe, a daily limit), and again when docs/terms.md changes.

terms-intro-first = Before you link an account or follow a strategy, please read Mimic's terms of service. In short:
terms-intro-changed = Mimic's terms of service changed since you accepted them. Please read them again before going on. In short:
terms-summary =
    • Mimic copies a provider's signals to your own exchange account. It is a tool, not investment advice.
    • Your keys, your account, your risk: leveraged trading can lose your whole margin, and orders may fill late, in part or not at all.
    • Your API keys are stored encrypted; we keep your trades, settings and country to run the service, and an audit log.
    • The service comes as is, with no promise that it is always up; we are not liable for trading losses.
    • Use Mimic only where it is lawful for you; residents of some countries are not served.
terms-read = The full terms: { $url }
terms-accept-button = I accept
terms-changed = The terms changed a moment ago. Here are the new ones.
terms-accepted = Thank you: you accepted the terms (version { $version }).
terms-country-ask = Where do you live? Choose your country of residence, or type its name or two-letter code to search.
terms-country-results = Countries matching “{ $query }”:
terms-country-none = No country matches “{ $query }”. Type another name, or a two-letter code such as DE.
terms-country-unknown = That is not a country I know. Please choose again.
terms-country-declared = Country of residence: { $country }.
terms-blocked = Sorry: Mimic does not link accounts or follow strategies for residents of { $country }. You can still see, pause and close what you have (/positions, /settings, /unsubscribe, /accounts, /panic). If you do not live in { $country }, change it with /terms.
terms-continue = All set. Continuing with { $command }.
terms-run-again = All set. Send { $command } again to go on.
terms-ready = All set: you can link an account (/link) and follow a strategy (/subscribe).
terms-status-accepted = You accepted these terms (version { $version }) on { $date }.
terms-status-pending = You have not accepted the current terms (version { $version }) yet.
terms-status-country = Country of residence: { $country }.
terms-status-no-country = Country of residence: not declared yet.
terms-change-country-button = Change country
# Discord: the country list is a select, and searching opens a form.
terms-form-pick = Choose your country
terms-form-search-button = Search…
terms-form-search-title = Find your country
terms-form-search-field = Country name or two-letter code
