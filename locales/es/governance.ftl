# Gobernanza: los usuarios élite votan propuestas (/vote) y proponen (/propose); los resultados van donde se publicó la propuesta.
governance-none-open = Ahora mismo no hay ninguna propuesta abierta a votación.
governance-proposal-title = 🗳 Propuesta: { $title }
governance-ends = La votación termina el { $endsAt } UTC.
governance-your-vote = Tu voto: { $option }
governance-vote-recorded = Voto registrado: { $option }.
governance-vote-changed = Voto cambiado a { $option }.
governance-vote-unchanged = Ya votaste { $option }: no ha cambiado nada.
governance-not-eligible = Solo los miembros élite votan y proponen. Lo serás al alcanzar el nivel Élite (con la XP de las operaciones copiadas y los días activos) o cuando un administrador te lo conceda.
governance-closed = La votación de esta propuesta está cerrada.
governance-bad-option = Esa opción no está en esta propuesta.
governance-result-title = 🏁 Resultado: { $title }
governance-result-line = { $option }: { $votes } ({ $percent } %)
governance-result-turnout = Participación: { $turnout ->
    [one] 1 voto
   *[other] { $turnout } votos
  }
governance-result-quorum-met = Quórum de { $quorum } alcanzado.
governance-result-quorum-missed = Quórum de { $quorum } no alcanzado: el resultado no cuenta.
governance-result-winner = Resultado: { $option }
governance-result-tie = Resultado: empate entre { $options }
governance-result-no-votes = Nadie votó.
governance-propose-usage = Envía: /propose Título | opción 1, opción 2, … | duración (como 12h o 3d) | descripción (opcional). De 2 a 6 opciones.
governance-propose-bad-duration = La duración debe tener la forma 30m, 12h o 3d (de 10 minutos a 30 días).
governance-propose-sent = Tu propuesta «{ $title }» espera la aprobación de un administrador; la votación se abre cuando se apruebe.
governance-modal-title = Nueva propuesta
governance-modal-field-title = Título
governance-modal-field-options = Opciones (una por línea, de 2 a 6)
governance-modal-field-duration = Duración (como 12h o 3d)
governance-modal-field-description = Descripción (opcional)
governance-channel-bound = Este canal recibe ahora las propuestas de gobernanza, con un botón por opción, y sus resultados.
governance-command-propose = Propón una votación a los miembros élite (primero la aprueba un administrador)
