## /tournament: inscribirse, la clasificación y los resultados al terminar.

tournament-none = Todavía no hay ningún torneo.
tournament-none-open = Ahora mismo no hay ningún torneo abierto a inscripciones.
tournament-started = { $name } ya ha empezado: las inscripciones se cerraron al inicio.
tournament-joined = Te inscribiste en { $name }. Va de { $start } a { $end } UTC; cuentan las operaciones abiertas y cerradas en ese tiempo.
tournament-already-joined = Ya estás en { $name }.
tournament-header =
    { $name } ({ $status ->
        [upcoming] empieza pronto
        [running] en curso
       *[ended] terminado
    }): { $start } – { $end } UTC, { $participants ->
        [one] 1 participante
       *[other] { $participants } participantes
    }, mínimo { $min } operaciones para clasificarse
tournament-prize = Premio: { $prize }
tournament-line = { $rank }. { $name } { $roe } ({ $trades } operaciones)
tournament-line-final = { $rank }. { $name } { $roe }
tournament-anonymous = anónimo
tournament-nobody-ranked = Todavía no hay nadie clasificado.
tournament-you-can-join = Envía /tournament join para participar.
tournament-you-not-joined = No participas en este torneo.
tournament-you-ranked = Tú: n.º { $rank }, { $roe }
tournament-you-unranked = Tú: { $trades } de las { $min } operaciones necesarias para clasificarte
tournament-result-title = { $name } ha terminado: { $ranked } clasificados.
tournament-result-you = Tu puesto final: n.º { $rank }, { $roe }.
# Discord: los subcomandos.
tournament-command-show = Ver la clasificación
tournament-command-join = Inscribirse en el próximo torneo (antes de que empiece)
