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
