## /strategies

strategies-empty = No strategies yet.
strategies-line =
    { $name } - { $followers ->
        [one] 1 follower
       *[other] { $followers } followers
    }, { $signals ->
        [one] 1 signal
       *[other] { $signals } signals
    } in 30 d
# Appended to strategies-line when known.
strategies-fill = , { $percent }% filled
strategies-last-signal = , last signal { $at } UTC
strategies-footer = Send /subscribe to follow one.
