## Textos compartidos por varias funciones y por todos los transportes.
## Esquema de claves: cada clave empieza por el nombre de su archivo ("common-", "link-", ...).
## Los decimales (precios, cantidades, dinero) llegan como texto ya formateado; los recuentos, como números.

common-cancel = Cancelar
common-none = ninguno
common-unknown = ?
common-account-label = { $label } ({ $exchange })
common-status =
    { $status ->
        [active] activa
        [paused] en pausa
        [ended] finalizada
        [invalid] no válida
        [removed] eliminada
        [opening] abriéndose
        [open] abierta
        [closing] cerrándose
        [closed] cerrada
       *[other] { $status }
    }
common-unknown-command = No conozco /{ $command }. Envía /help para ver la lista de comandos.
common-unexpected-message = No esperaba ningún mensaje. Envía /help para ver la lista de comandos.
common-menu-expired = Este menú ha caducado. Vuelve a enviar el comando.
common-flow-expired = { $command } ha caducado tras 10 minutos sin respuesta, así que no se ha cambiado nada. Envía { $command } para empezar de nuevo.
common-private-only = Por tu seguridad, /{ $command } solo funciona en un chat privado. Abre uno con @{ $bot } y envíalo allí.
common-private-only-dm = Por tu seguridad, /{ $command } solo funciona en un mensaje privado conmigo.
