## /2fa: registra una app de autenticación (QR + clave manual, confirmada con un código); "/2fa off" la quita.

two-factor-not-on = La autenticación en dos pasos no está activada; no hay nada que desactivar.
two-factor-ask-disable-code = Envía el código de 6 dígitos que muestra ahora tu autenticador para desactivar el 2FA.
two-factor-usage = Usa /2fa para configurar un autenticador, o /2fa off para quitarlo.
two-factor-already-on = La autenticación en dos pasos está activada. /panic te pedirá un código. Envía /2fa off para quitarla.
two-factor-scan =
    Escanea esto con una app de autenticación (Google Authenticator, Aegis, 1Password...) o introduce la clave a mano:
    { $secret }
two-factor-setup =
    { two-factor-scan }

    Después envía el código de 6 dígitos que te muestre. Borraré esta imagen en cuanto lo confirmes.
two-factor-enabled = La autenticación en dos pasos está activada. Ahora /panic funciona con un código de tu app.
two-factor-disabled = La autenticación en dos pasos está desactivada. /panic no estará disponible hasta que la vuelvas a configurar.
two-factor-attempts-left =
    { $count ->
        [one] Te queda 1 intento antes de un bloqueo de 15 minutos.
       *[other] Te quedan { $count } intentos antes de un bloqueo de 15 minutos.
    }
two-factor-form-title = Código del autenticador
two-factor-form-code = Código de 6 dígitos de tu autenticador
two-factor-form-open = Introducir el código
