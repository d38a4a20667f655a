## Mensajes que llegan sin pedirlos: ejecuciones, fallos, operaciones cerradas, avisos de señales, el resumen diario.

notifications-where = { $strategy } en { $account }
notifications-what =
    { $action ->
        [close] cerrar { $symbol }
        [long] long { $symbol }
        [short] short { $symbol }
       *[other] { $action } { $symbol }
    }
notifications-market = mercado
notifications-unknown = desconocido
notifications-closed = { $side } { $amount } cerrada @ { $exit }: PnL { $pnl } tras { $fees } de comisiones
notifications-closed-with-entry = { $side } { $amount } cerrada @ { $exit } (entrada { $entry }): PnL { $pnl } tras { $fees } de comisiones
notifications-closed-by-signal = Cerrada por señal: { $symbol } { $closed } ({ $where }).
notifications-reversed = Giro: { $symbol } { $closed }, y después abierta en { $action }.
notifications-filled = Ejecutada: { $what }, { $amount } @ { $price } ({ $where }).
notifications-unprotected =
    ATENCIÓN: esta posición está abierta SIN su protección: { $reason }.
    Pon tú mismo ahora el stop loss / take profit en el exchange, o cierra allí la posición.
notifications-unprotected-reason = el exchange la rechazó
notifications-note = Nota: { $reason }.
notifications-skipped = Omitida: { $what } ({ $where }).
notifications-skipped-because = Omitida: { $what } ({ $where }). { $reason }
notifications-reversal-skipped = Giro: { $symbol } { $closed }; no se reabrió: { $what } ({ $where }).
notifications-reversal-skipped-because = Giro: { $symbol } { $closed }; no se reabrió: { $what } ({ $where }). { $reason }
notifications-failed =
    Falló: { $what } ({ $where }).
    Motivo: { $reason }
    { $advice }
notifications-advice =
    { $code ->
        [INSUFFICIENT_MARGIN] No hay suficiente margen libre en la cuenta. Añade fondos o reduce el tamaño en /settings.
        [BELOW_MINIMUM] La orden quedó por debajo del tamaño mínimo del exchange. Aumenta el tamaño en /settings.
        [UNKNOWN_MARKET] Tu exchange no tiene este mercado, así que no se puede copiar allí. No hay nada que hacer.
        [INVALID_KEY] El exchange rechazó la clave API (¿revocada o caducada?). Vincula una clave nueva con /link y elimina la cuenta antigua en /accounts.
        [ORDER_REJECTED] El exchange rechazó la orden. Revisa los ajustes de la cuenta en el exchange (modo de posición, modo de margen).
        [NO_PRICE] No había precio al que operar. No se colocó nada.
        [RATE_LIMITED] El exchange nos siguió limitando las peticiones y desistimos. Revisa /positions; la próxima señal lo volverá a intentar.
        [EXCHANGE_UNAVAILABLE] No se pudo contactar con el exchange y desistimos. Revisa /positions; la próxima señal lo volverá a intentar.
        [EXCHANGE_UNCERTAIN] El exchange no confirmó la orden. Revisa /positions para ver si se ejecutó.
        [ORDER_EXPIRED] El exchange dejó caducar la entrada sin ejecutar nada, así que no hay nada abierto. No hay nada que hacer.
        [ORDER_PENDING] El exchange no terminó de ejecutar la orden. Revisa /positions para ver qué hay abierto.
       *[other] Revisa /positions y la cuenta en el exchange.
    }
notifications-advice-slippage-cap = El precio superó el tope de deslizamiento antes de que la entrada se ejecutara, así que no hay nada abierto y la señal no se persigue. Si te pasa a menudo, permite más deslizamiento en /settings.
notifications-trade-closed =
    { $reason ->
        [take_profit] Take profit alcanzado
        [stop_loss] Stop loss alcanzado
        [liquidation] Liquidada
       *[manual] Cerrada en el exchange
    }: { $symbol } { $closed } ({ $where }). { $reason ->
        [manual] Mimic ha dejado de seguirla y ha cancelado su TP/SL.
        [liquidation] El exchange la cerró por falta de margen; su TP/SL se han cancelado.
       *[other] La otra orden de protección se ha cancelado.
    }
notifications-signal = Señal: { $strategy } dice { $what }.
notifications-signal-at = Señal: { $strategy } dice { $what } a { $price }.
notifications-daily = Resumen diario { $date }: { $filled } ejecutadas, { $failed } fallidas, { $skipped } omitidas en las últimas 24 h. /pnl para ver la tarjeta.
# Salta una protección diaria (límite de pérdida o bloqueo de ganancia del seguidor, en /accounts). $reason es
# "daily_loss" o "daily_profit"; $pnl es el PnL del día con signo y moneda ("-512.40 USDT"); $perc y $limit, porcentajes.
notifications-guardrail =
    { $reason ->
        [daily_profit] Bloqueo de ganancia diaria alcanzado en { $account }: { $pnl } hoy ({ $perc } %, bloqueo { $limit } %).
       *[daily_loss] Límite de pérdida diaria alcanzado en { $account }: { $pnl } hoy ({ $perc } %, límite { $limit } %).
    } { $trades ->
        [0] Mimic no abrirá nada nuevo ahí hasta las 00:00 UTC.
        [one] Mimic cerró su operación abierta ahí y no abrirá nada nuevo hasta las 00:00 UTC.
       *[other] Mimic cerró sus { $trades } operaciones abiertas ahí y no abrirá nada nuevo hasta las 00:00 UTC.
    }
# Se ejecutó un objetivo de take-profit de una operación con varios: "Objetivo 1/3 alcanzado: BTC/USDT:USDT long 0.05 @
# 61500, PnL +75.00 USDT antes de comisiones". $pnl lleva su signo y moneda.
notifications-target = Objetivo { $target }/{ $targets } alcanzado: { $symbol } { $side } { $amount } @ { $price }, PnL { $pnl } antes de comisiones ({ $where }). El resto sigue abierto.
# El stop-loss de la operación se movió (breakeven, objetivo móvil, trailing stop): solo se ajusta, nunca se afloja.
notifications-stop-moved = Stop-loss movido: { $symbol } { $side } ahora se cierra en { $price } (antes { $from }) ({ $where }).
notifications-stop-set = Stop-loss puesto: { $symbol } { $side } ahora se cierra en { $price } ({ $where }).
# Se llenó una entrada límite de la zona de entrada (entera, o una parte por ahora): la operación y su TP/SL cubren el total.
notifications-entry-filled = Entrada { $order }/{ $orders } { $final ->
    [yes] llenada
   *[no] llenada en parte
  }: { $symbol } { $side } { $amount } @ { $price }. La operación tiene ahora { $total } a un precio medio de { $average }, con su TP/SL para todo ({ $where }).
# Se llenó una orden DCA (de seguridad): el precio medio cambió y el TP/SL se recalcularon desde él.
notifications-dca-filled = Orden DCA { $order }/{ $orders } { $final ->
    [yes] llenada
   *[no] llenada en parte
  }: { $symbol } { $side } { $amount } @ { $price }. La operación tiene ahora { $total } a un precio medio de { $average }; su TP/SL se recalculan desde ahí ({ $where }).
