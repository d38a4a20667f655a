## /balance

balance-no-accounts = No tienes cuentas vinculadas. Envía /link para añadir una.
balance-line = { $account }: { $total } en total, { $free } libres
balance-unreadable = { $account }: no se pudo leer ({ $reason })
balance-no-balance = sin saldo
