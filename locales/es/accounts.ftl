## /accounts: lo que está vinculado, y eliminar una cuenta.

accounts-empty = Todavía no tienes cuentas vinculadas. Envía /link para añadir una.
accounts-title = Tus cuentas:
accounts-line =
    { $index }. { $account } - { $subscriptions ->
        [one] 1 suscripción activa
       *[other] { $subscriptions } suscripciones activas
    }
accounts-line-with-status =
    { $index }. { $account } [{ $status }] - { $subscriptions ->
        [one] 1 suscripción activa
       *[other] { $subscriptions } suscripciones activas
    }
accounts-remove-button = Eliminar { $index }. { $account }
accounts-remove-confirm = ¿Eliminar esta cuenta? Se borran sus claves guardadas y se pausan sus suscripciones. Las posiciones abiertas siguen abiertas en el exchange.
accounts-remove-yes = Sí, eliminarla
accounts-remove-kept = No se ha eliminado nada.
accounts-removed =
    Cuenta eliminada; { $paused ->
        [one] 1 suscripción pausada.
       *[other] { $paused } suscripciones pausadas.
    }

## Protecciones diarias, por cuenta: un límite de pérdida y un bloqueo de ganancia, en porcentaje del capital al empezar el día.

accounts-guard-off = desactivado
accounts-guard-status = Límite de pérdida diaria: { $loss } · bloqueo de ganancia diaria: { $profit }
accounts-guard-halted =
    { $reason ->
        [daily_profit] Bloqueo de ganancia diaria alcanzado hoy: sin nuevas entradas hasta las 00:00 UTC.
       *[daily_loss] Límite de pérdida diaria alcanzado hoy: sin nuevas entradas hasta las 00:00 UTC.
    }
accounts-guard-not-halted = Sin bloqueo hoy.
accounts-guard-button = Límites diarios de { $index }. { $account }
accounts-guard-title = Límites diarios de { $account }
accounts-guard-explain = Se mide desde las 00:00 UTC: lo que las operaciones de Mimic realizaron hoy más su PnL abierto, frente al capital al empezar el día. Pasado un límite, Mimic cierra sus operaciones en esta cuenta y no abre nada nuevo hasta las 00:00 UTC.
accounts-guard-loss = Límite de pérdida diaria
accounts-guard-profit = Bloqueo de ganancia diaria
accounts-guard-ask-loss = Envía el límite de pérdida diaria en porcentaje del capital al empezar el día (p. ej. 5), o "no" para desactivarlo.
accounts-guard-ask-profit = Envía el bloqueo de ganancia diaria en porcentaje del capital al empezar el día (p. ej. 10), o "no" para desactivarlo.
accounts-guard-invalid = Ese valor no sirve: { $problem }; no se ha cambiado nada. { $ask }
accounts-guard-saved = Guardado.
accounts-guard-gone = Esa cuenta ya no existe.
accounts-guard-form-loss = Límite de pérdida diaria en % (vacío: desactivado)
accounts-guard-form-profit = Bloqueo de ganancia diaria en % (vacío: desactivado)
