## /balance

balance-no-accounts = No accounts linked. Send /link to add one.
balance-line = { $account }: { $total } total, { $free } free
balance-unreadable = { $account }: could not be read ({ $reason })
balance-no-balance = no balance
