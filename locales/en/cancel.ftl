## /cancel, or a cancel word, ends whatever the user was asked for.

# Words that cancel a question when sent as a message (comma-separated; English ones always work too).
cancel-words = cancel, stop, abort
cancel-panic = Panic cancelled. Nothing was closed.
cancel-done = Cancelled.
cancel-nothing = There is nothing to cancel.
