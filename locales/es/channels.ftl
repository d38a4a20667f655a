## /channel (Discord): canales de señales. Un canal de publicación muestra cada señal de una estrategia en cuanto
## se registra; en un canal de origen, los mensajes JSON de quien publica se convierten en señales de la
## estrategia. Descripciones de opciones: 100 caracteres como máximo.

channels-command = Canales de señales: publica aquí las señales de una estrategia, o léelas de quien las publica
channels-publish = Publicar en este canal cada señal de una estrategia
channels-source = Convertir en señales de una estrategia los mensajes JSON de alguien en este canal
channels-unbind = Quitar todas las vinculaciones de este canal
channels-governance = Publicar aquí las propuestas de gobernanza, con botones para votar, y sus resultados
channels-option-strategy = El slug de la estrategia (puedes vincular las estrategias que son tuyas)
channels-option-poster = De quién cuentan los mensajes: un id de usuario, una mención o un id de webhook

channels-published = Este canal muestra ahora cada señal de { $strategy } (`{ $slug }`) en cuanto se registra.
channels-published-again = Este canal ya muestra las señales de { $strategy } (`{ $slug }`); no se cambió nada.
channels-source-bound = Los mensajes de { $poster } en este canal se convierten ahora en señales de { $strategy } (`{ $slug }`). Reacciono con ✅ a cada una que registro, y con ❌ y una respuesta a la que no puedo leer.
channels-source-updated = Los mensajes de { $poster } en este canal se convierten ahora en señales de { $strategy } (`{ $slug }`); esta persona sustituye a la anterior.
channels-unbound =
    { $count ->
        [one] Se quitó la vinculación de este canal ({ $bindings }). Aquí ya no se publica ni se lee nada.
       *[other] Se quitaron las { $count } vinculaciones de este canal ({ $bindings }). Aquí ya no se publica ni se lee nada.
    }
channels-unbound-none = Este canal no tenía vinculaciones; no se cambió nada.
channels-binding =
    { $kind ->
        [publish] publicación
       *[source] origen
    }: { $slug }
channels-unknown-strategy = No existe la estrategia "{ $strategy }". No se vinculó nada.
channels-bad-poster = Quien publica debe ser un id de usuario, una mención o un id de webhook; "{ $poster }" no es nada de eso. No se vinculó nada.
channels-unknown-subcommand = Usa /channel publish, /channel source o /channel unbind.

channels-source-invalid = ❌ No es una señal: { $problem }. No se registró nada. Corrige el mensaje (basta con editarlo) o vuelve a publicarlo.

channels-post-title =
    { $action ->
        [long] 🟢 Largo { $symbol }
        [short] 🔴 Corto { $symbol }
       *[close] ⚪ Cerrar { $symbol }
    }
channels-post-strategy = Señal de { $strategy } (`{ $slug }`)
channels-post-symbol = Símbolo
channels-post-side = Dirección
channels-post-side-value =
    { $action ->
        [long] Largo (BUY)
        [short] Corto (SELL)
       *[close] Cerrar
    }
channels-post-price = Precio de referencia
channels-post-price-market = a mercado
channels-post-stop-loss = Stop-loss
channels-post-take-profit = Take-profit
channels-post-level-perc = { $perc } % desde la entrada
channels-post-leverage = Apalancamiento
channels-post-leverage-value = { $leverage }x
channels-post-leverage-none = el de cada seguidor
channels-post-none = ninguno
channels-post-id = Id de la señal
channels-post-time = Hora
channels-post-footer = Cópiala con /subscribe strategy:{ $slug }
channels-post-targets = Objetivos de take-profit
# Un objetivo de la escalera: su número, su nivel (un precio o una distancia desde la entrada) y la parte que cierra.
channels-post-target-line = { $n }. { $level } ({ $size } %)
channels-post-entries = Zona de entrada (durante { $minutes } min)
channels-post-entry = { $price } ({ $size } %)
channels-post-dca = DCA
channels-post-dca-value = { $orders } órdenes, cada { $step } % en contra, × { $scale } cada una
channels-post-trailing = Trailing stop
channels-post-trailing-value = { $mode ->
    [breakeven] a la entrada tras el primer objetivo
    [moving_target] al objetivo anterior tras cada uno
   *[percent] { $distance } % por detrás del mejor precio{ $activation ->
        [none] {""}
       *[other] , desde +{ $activation } %
    }
  }
channels-post-slippage = Límite de deslizamiento
