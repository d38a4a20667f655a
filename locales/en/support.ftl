# Support: answers to a follower's question (core/support/answer-question.ts), tickets and admin messages.
# Rendered by bots/shared/wording/support-text.ts.

# An answer from the docs, when no model is configured.
support-docs-intro = Here is what the documentation says:
support-docs-none = I found nothing in the documentation about that.
support-source = Source: { $link }
support-sources = Sources: { $links }
# Shown under an answer that may be incomplete, or with none: a person takes over.
support-ticket-opened = I opened ticket { $ticket } for our team; a person will answer you here.
support-ticket-added = I added this to your open ticket { $ticket }; a person will answer you here.
support-offer-ticket = Not what you needed? Press "Talk to a human" and a person will answer you.
support-human = Of course: I opened ticket { $ticket } and a person from our team will answer you here.
support-human-added = Of course: I added this to your open ticket { $ticket }; a person from our team will answer you here.
support-unavailable = Support is unavailable right now, so I opened ticket { $ticket } and a person will answer you here.
support-refused = I can't give investment advice: which coins to trade, when, or which strategy to follow is your decision. I can help with how Mimic works, your settings and errors.
support-rate-limited = You have asked a lot of questions this hour. Please try again later; if you need a person now, write "human" and a ticket is opened.
support-redacted = I removed something that looked like a key, password, seed phrase or 2FA code from your message. Never post those anywhere, not even to support: we will never ask for them.
support-button-helpful = Helpful
support-button-human = Talk to a human
support-helpful-thanks = Thanks for the feedback!
support-no-tickets = You have no open tickets. Ask a question any time.
support-tickets-title = Your open tickets:
support-ticket-line = { $ticket } · { $date } · { $question }
support-reply-added = Added to ticket { $ticket }.
# Notifications: an admin's reply on a ticket, an admin's message, a broadcast to a strategy's followers.
support-reply = Reply from support on ticket { $ticket }:
    { $text }
support-admin-message = Message from the Mimic team:
    { $text }
support-broadcast = Message from the Mimic team to followers of { $strategy }:
    { $text }
# A follower's message that went into their open ticket; $command is "/support" (Telegram) or "/ask" (Discord).
support-ask-hint = To ask the assistant something else, send { $command } followed by your question.
# The bots' commands: Telegram's /support without a question, Discord's /ask.
support-usage = Send /support followed by your question, for example: /support how do I link Binance?
support-command-ask = Ask a question about Mimic; a person takes over when the docs are not enough
support-option-question = Your question, in your own words (never a key or a code)
support-off = Support is not available right now. Please try again later.
