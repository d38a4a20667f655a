## Solo Discord: descripciones de comandos y opciones (100 caracteres como máximo), textos de formularios y
## botones, y lo que solo dice Discord. Todo lo demás sale de los archivos compartidos.

discord-help-title = Comandos de Mimic
discord-guild-only = /{ $command } solo funciona en un canal de un servidor.

discord-link-option-exchange = El exchange (paper: dinero simulado, sin claves)
discord-link-pick-placeholder = Elige un exchange
discord-link-invalid = { $problem }. No se guardó nada; vuelve a usar /link.

discord-accounts-remove-placeholder = Eliminar una cuenta…
discord-accounts-guard-placeholder = Límites diarios de una cuenta…

discord-subscribe-option-strategy = La estrategia a seguir (ver /strategies)
discord-subscribe-option-sizing = Cómo se dimensiona cada operación
discord-subscribe-option-value = El valor: 2 para 2 %, 250 para 250 USDT, 0.5 para la mitad; si falta, se pide en un formulario
discord-subscribe-option-account = Tu cuenta que la copia (por defecto: la única que tengas)
discord-subscribe-option-leverage = Limitar el apalancamiento a (por defecto: sin límite, el de la señal)
discord-subscribe-unknown-strategy = No existe la estrategia "{ $strategy }". Mira /strategies para ver las que puedes seguir; no se cambió nada.
discord-subscribe-unknown-account = No tienes ninguna cuenta activa "{ $account }". Elige una de la lista o vincula una con /link; no se cambió nada.
discord-subscribe-choose-account = Tienes varias cuentas: elige una en la opción account. No se cambió nada.

discord-unsubscribe-option-strategy = La estrategia que dejas de seguir (sin ella, eliges de una lista)
discord-unsubscribe-placeholder = Elige una suscripción
discord-unsubscribe-unknown = No sigues "{ $strategy }". No se cambió nada.

discord-settings-placeholder = Elige una suscripción
discord-settings-back = Volver

discord-2fa-option-action = Configurar una app de autenticación (por defecto) o desactivarla
discord-2fa-choice-setup = configurar
discord-2fa-choice-off = desactivar
discord-two-factor-already-on = La verificación en dos pasos está activada. /panic te pedirá un código. Usa /2fa action:off para quitarla.
discord-two-factor-setup =
    { two-factor-scan }

    Luego pulsa el botón de abajo e introduce el código de 6 dígitos que muestra. Este mensaje pierde la imagen y la clave en cuanto confirmes.

discord-panic-form-warning = Cierra TODAS las posiciones y cancela TODAS las órdenes en tus cuentas; pausa tus suscripciones.

discord-command-connect = Usa una sola cuenta de Mimic en Telegram y Discord
discord-connect-option-code = Un código de /connect en Telegram (sin él, recibes un código para Telegram)
