## /strategies

strategies-empty = Todavía no hay estrategias.
strategies-line =
    { $name } - { $followers ->
        [one] 1 seguidor
       *[other] { $followers } seguidores
    }, { $signals ->
        [one] 1 señal
       *[other] { $signals } señales
    } en 30 días
strategies-fill = , { $percent } % ejecutadas
strategies-last-signal = , última señal { $at } UTC
strategies-footer = Envía /subscribe para seguir una.
