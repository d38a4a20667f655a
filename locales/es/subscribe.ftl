## /subscribe: estrategia, cuenta, modo y valor del tamaño, tope de apalancamiento.

subscribe-link-first = Primero vincula una cuenta: envía /link (una cuenta paper sirve para probar).
subscribe-no-strategies = Todavía no hay estrategias que seguir.
subscribe-strategy-button = { $name } ({ $followers })
subscribe-ask-strategy = ¿Qué estrategia quieres seguir?
subscribe-ask-account = ¿Con qué cuenta?
subscribe-ask-mode = ¿Cómo se calcula el tamaño de cada operación?
subscribe-mode-risk = % del saldo libre como margen
subscribe-mode-fixed = USDT fijos por operación
subscribe-mode-multiplier = múltiplo del tamaño de la señal
subscribe-sizing-chosen = Tamaño: { $mode }.
subscribe-ask-risk = ¿Qué porcentaje del saldo libre debe usar cada operación como margen? (p. ej. 2)
subscribe-ask-fixed = ¿Cuántos USDT debe valer cada operación? (p. ej. 250)
subscribe-ask-multiplier = ¿Qué múltiplo de la cantidad de la señal? (p. ej. 0.5)
subscribe-invalid-value = Ese valor no sirve: { $problem }. { $ask }
subscribe-problem-invalid = no es válido
subscribe-ask-leverage = Limitar el apalancamiento a:
subscribe-leverage = { $leverage }x
subscribe-no-leverage-cap = Sin tope (el de la señal)
subscribe-done =
    Suscrito. Tamaño: { $value } ({ $mode }), tope de apalancamiento: { $leverage }.
    Recibirás un mensaje por cada operación. Cámbialo cuando quieras con /settings.
subscribe-expired = Este menú ha caducado. Envía /subscribe para empezar de nuevo.
subscribe-form-title = Seguir { $strategy }
subscribe-form-risk = % del saldo libre (p. ej. 2)
subscribe-form-fixed = USDT por operación (p. ej. 250)
subscribe-form-multiplier = Múltiplo de la señal (p. ej. 0.5)
