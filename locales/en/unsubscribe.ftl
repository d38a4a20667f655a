## /unsubscribe

unsubscribe-none = You are not subscribed to anything. /subscribe to follow a strategy.
unsubscribe-button = { $strategy } on { $account }
unsubscribe-ask = Stop following which one? Open positions stay open.
unsubscribe-done = Unsubscribed. New signals from that strategy will not be copied.
