## /leaderboard: participar, la tarjeta de los 10 primeros y el puesto propio.

leaderboard-joined = Estás en la clasificación como { $nickname }. Envía /leaderboard leave para salir de ella.
leaderboard-left = Saliste de la clasificación y tu apodo vuelve a estar libre.
leaderboard-not-joined = No estabas en la clasificación.
leaderboard-usage = Envía /leaderboard o /leaderboard 30d para verla, /leaderboard join <apodo> para aparecer en ella, /leaderboard leave para salir.
leaderboard-nickname-taken = El apodo { $nickname } ya está en uso: elige otro.
leaderboard-nickname-rules = Un apodo tiene de 3 a 20 letras (A-Z), cifras, _ o -, y no puede contener "admin" ni "mimic".
leaderboard-card-title = Clasificación · { $window }
leaderboard-card-subtitle = Rentabilidad sobre el margen · { $ranked } clasificados · mínimo { $min } operaciones cerradas
leaderboard-card-trades =
    { $trades ->
        [one] 1 operación
       *[other] { $trades } operaciones
    }
leaderboard-card-empty = Todavía no hay nadie clasificado.
leaderboard-you-ranked = Tú: n.º { $rank } de { $ranked }, { $roe }
leaderboard-you-unranked = Tú: { $trades } de las { $min } operaciones cerradas necesarias para clasificarte
leaderboard-you-not-joined = No estás en la clasificación: /leaderboard join <apodo>
# Discord: el comando, sus subcomandos y opciones.
leaderboard-command-show = Ver la clasificación
leaderboard-command-join = Aparecer en la clasificación con un apodo
leaderboard-command-leave = Salir de la clasificación
leaderboard-option-period = 7 o 30 días
leaderboard-option-nickname = De 3 a 20 letras, cifras, _ o -
