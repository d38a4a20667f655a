## /settings: por suscripción pausar/reanudar, tamaño, TP/SL propios, máximo de posiciones, tope de deslizamiento;
## y los avisos.

settings-choose = Elige la suscripción que quieres cambiar:
settings-none = Todavía no tienes suscripciones (/subscribe). Avisos:
settings-subscription-button = { $strategy } en { $account } ({ $status })
settings-signal-alerts-button = Avisos de señales: { $on ->
        [yes] activados
       *[no] desactivados
    }
settings-daily-button = Resumen diario: { $on ->
        [yes] activado
       *[no] desactivado
    }
settings-signal-alerts-turned = { $on ->
        [yes] Avisos de señales activados.
       *[no] Avisos de señales desactivados.
    }
settings-daily-turned = { $on ->
        [yes] Resumen diario activado.
       *[no] Resumen diario desactivado.
    }
settings-notify-via-button = Notificaciones por: { $via ->
        [telegram] Telegram
       *[discord] Discord
    }
settings-notify-via-turned = Las notificaciones llegan ahora por { $via ->
        [telegram] Telegram
       *[discord] Discord
    }.
settings-pause = Pausar
settings-resume = Reanudar
settings-sizing = Tamaño
settings-take-profit = Take profit
settings-stop-loss = Stop loss
settings-max-positions = Máx. posiciones abiertas
settings-slippage = Tope de deslizamiento
settings-summary =
    { $strategy } en { $account }: { $status }
    Tamaño: { $sizing } { $unit }
    Tope de apalancamiento: { $leverage }
    Take profit: { $tp }, stop loss: { $sl }
    Máximo de posiciones abiertas: { $maxPositions }
    Tope de deslizamiento de la entrada: { $slippage }
settings-unit-risk = % del saldo libre
settings-unit-fixed = USDT por operación
settings-unit-multiplier = x tamaño de la señal
settings-signal-risk = riesgo de la señal
settings-signals-own = el de la señal
settings-no-limit = sin límite
settings-slippage-default = el de la señal, si no 0.3% (BTC, ETH) o 0.5%
settings-size-by = Calcular el tamaño de cada operación por:
settings-size-risk = % del saldo libre
settings-size-fixed = USDT fijos
settings-size-multiplier = múltiplo de la señal
settings-ask-take-profit = Envía la distancia del take profit en porcentaje (p. ej. 2), o "no" para usar la de la señal.
settings-ask-stop-loss = Envía la distancia del stop loss en porcentaje (p. ej. 1), o "no" para usar la de la señal.
settings-ask-max-positions = Envía cuántas posiciones puede tener abiertas a la vez esta suscripción (p. ej. 3), o "no" para no poner límite.
settings-ask-slippage = Envía cuánto puede alejarse del precio de la señal el precio de una entrada, en porcentaje (p. ej. 0.5, como mucho 5), o "no" para usar el de la señal (si no, 0.3% para BTC y ETH y 0.5% para el resto). Una entrada cuyo mercado ya se ha movido más allá no se copia.
settings-ask-risk = Envía el porcentaje del saldo libre que se usará como margen en cada operación (p. ej. 2).
settings-ask-fixed = Envía el valor en USDT de cada operación (p. ej. 250).
settings-ask-multiplier = Envía el múltiplo de la cantidad de la señal (p. ej. 0.5).
settings-off-words = no, ninguno, ninguna, nada, quitar
settings-invalid = Ese valor no sirve: { $problem }; no se ha cambiado nada. { $ask }
settings-problem-invalid = no es válido
settings-saved = Guardado.
settings-gone = Esa suscripción ya no existe.
settings-form-take-profit = Distancia del take profit en % (vacío: señal)
settings-form-stop-loss = Distancia del stop loss en % (vacío: señal)
settings-form-max-positions = Máx. posiciones abiertas (vacío: sin límite)
settings-form-slippage = Tope de deslizamiento en % (vacío: señal)
# El trailing stop del seguidor: cómo se mueve el stop-loss de las operaciones de la suscripción (solo se ajusta).
settings-trailing = Trailing stop
# $mode es "signal", "off", "breakeven", "moving_target" o "percent"; $distance es un porcentaje.
settings-trailing-summary = Trailing stop: { $mode ->
        [off] desactivado, el stop se queda donde se puso
        [breakeven] a la entrada tras el primer objetivo
        [moving_target] a la entrada, luego al objetivo anterior tras cada uno
        [percent] { $distance } % por detrás del mejor precio
       *[signal] el de la señal
    }
settings-trailing-summary-activated = Trailing stop: { $distance } % por detrás del mejor precio, desde { $activation } % de ganancia
settings-trailing-choose = ¿Cómo debe moverse el stop-loss de las operaciones de esta suscripción? Solo se ajusta, nunca se afloja.
settings-trailing-signal = El de la señal
settings-trailing-off = Desactivado
settings-trailing-breakeven = Breakeven
settings-trailing-moving-target = Objetivo móvil
settings-trailing-percent = Seguir a { $distance } %
settings-back = Volver
# El interruptor de DCA del seguidor: si se colocan las órdenes DCA (de seguridad) de la señal. $on es "yes" o "no".
settings-dca-button = DCA: { $on ->
        [yes] activado
       *[no] desactivado
    }
settings-dca-summary = Órdenes DCA: { $on ->
        [yes] activadas, se colocan las órdenes de seguridad de la señal
       *[no] desactivadas, solo se coloca la entrada
    }
# El reparto de take profit propio del seguidor: objetivos en porcentaje desde la entrada, cada uno cierra una parte.
settings-split = Reparto de take profit
# $split son los objetivos ("1.5% (50%), 3% (30%)") o settings-split-signal.
settings-split-summary = Reparto de take profit: { $split }
settings-split-signal = los objetivos de la señal
settings-ask-split = Envía tus objetivos de take profit como distancia:parte en porcentaje, p. ej. "1.5:50 3:30 5:20" (cierra el 50% al 1.5% de ganancia, el 30% al 3% y el 20% al 5%; como mucho 8 objetivos, y las partes suman como mucho 100). Sustituye a los objetivos de la señal y a tu take profit. Envía "señal" para volver a usar los objetivos de la señal.
# Palabras que significan "los objetivos de la señal" (separadas por comas; "signal" y las de desactivar también valen).
settings-split-signal-words = señal, senal
settings-split-invalid = Ese reparto no sirve: { $problem }. No se ha cambiado nada. { $ask }
settings-form-split = Objetivos como distancia:parte (vacío: señal)
