## /panic: cierra todas las posiciones y cancela todas las órdenes, tras un código de un solo uso.

panic-needs-2fa = /panic requiere autenticación en dos pasos, para que nadie que tenga tu móvil desbloqueado pueda usarlo. Configúrala antes con /2fa.
panic-confirm = Esto cierra TODAS las posiciones abiertas y cancela TODAS las órdenes abiertas en todas tus cuentas, y pausa tus suscripciones. Envía el código de 6 dígitos que muestra ahora tu autenticador para continuar, o /cancel para echarte atrás.
panic-closing = Cerrándolo todo...
panic-done =
    Pánico completado. { $paused ->
        [one] 1 suscripción pausada
       *[other] { $paused } suscripciones pausadas
    } (reanúdalas en /settings).
panic-no-accounts = No hay cuentas activas.
panic-account = { $account }:
panic-closed = cerrada { $symbol } { $side } { $amount }
panic-closed-at = cerrada { $symbol } { $side } { $amount } @ { $price }
panic-no-positions = ninguna posición abierta
panic-orders-cancelled = órdenes abiertas canceladas en { $symbols }
panic-failed = FALLÓ: { $error } - revisa esta cuenta en el exchange
panic-failed-symbol = FALLÓ { $symbol }: { $error } - revisa esta cuenta en el exchange
panic-form-title = Cerrarlo todo
panic-form-code = Código de 6 dígitos de tu autenticador
