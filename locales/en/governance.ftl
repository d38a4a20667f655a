# Governance: elite users vote on proposals (/vote) and propose (/propose); results go where proposals were posted.
governance-none-open = No proposal is open for votes right now.
governance-proposal-title = 🗳 Proposal: { $title }
governance-ends = Voting ends { $endsAt } UTC.
governance-your-vote = Your vote: { $option }
governance-vote-recorded = Vote recorded: { $option }.
governance-vote-changed = Vote changed to { $option }.
governance-vote-unchanged = You already voted { $option }: nothing changed.
governance-not-eligible = Only elite members vote and propose. You become one by reaching the Elite level (earned with XP from copied trades and active days), or when an admin grants it.
governance-closed = Voting on this proposal is closed.
governance-bad-option = That option is not on this proposal.
governance-result-title = 🏁 Result: { $title }
governance-result-line = { $option }: { $votes } ({ $percent }%)
governance-result-turnout = Turnout: { $turnout ->
    [one] 1 vote
   *[other] { $turnout } votes
  }
governance-result-quorum-met = Quorum of { $quorum } reached.
governance-result-quorum-missed = Quorum of { $quorum } not reached: the result does not count.
governance-result-winner = Outcome: { $option }
governance-result-tie = Outcome: a tie between { $options }
governance-result-no-votes = Nobody voted.
governance-propose-usage = Send: /propose Title | option 1, option 2, … | duration (such as 12h or 3d) | description (optional). 2 to 6 options.
governance-propose-bad-duration = The duration must look like 30m, 12h or 3d (from 10 minutes to 30 days).
governance-propose-sent = Your proposal “{ $title }” is waiting for an admin's approval; voting opens once it is approved.
governance-modal-title = New proposal
governance-modal-field-title = Title
governance-modal-field-options = Options (one per line, 2 to 6)
governance-modal-field-duration = Duration (such as 12h or 3d)
governance-modal-field-description = Description (optional)
governance-channel-bound = This channel now receives governance proposals, with a button per option, and their results.
governance-command-propose = Propose a vote to the elite members (an admin approves it first)
