## XP, niveles y logros (core/community): /me, /achievements, y los mensajes de nivel y de logro.

xp-level = { $level ->
    [0] Bronce
    [1] Plata
    [2] Oro
    [3] Platino
    [4] Élite
   *[other] Nivel { $level }
    }
xp-achievement-name = { $code ->
    [first_trade] Primera copia
    [trades_10] Diez operaciones
    [trades_100] Cien operaciones
    [first_profit] Primer beneficio
    [big_win] Doble o nada
    [streak_7] Racha de una semana
    [streak_30] Racha de un mes
    [two_factor] Bien protegido
    [referral] Trae a un amigo
    [tournament_player] Competidor
    [tournament_winner] Campeón
   *[other] { $code }
    }
xp-achievement-about = { $code ->
    [first_trade] se cerró tu primera operación copiada
    [trades_10] 10 operaciones copiadas cerradas
    [trades_100] 100 operaciones copiadas cerradas
    [first_profit] una operación cerrada con beneficio, tras comisiones
    [big_win] una operación ganó todo su margen, tras comisiones
    [streak_7] 7 días seguidos con una suscripción activa
    [streak_30] 30 días seguidos con una suscripción activa
    [two_factor] autenticación en dos pasos configurada (/2fa)
    [referral] alguien a quien invitaste copió su primera operación
    [tournament_player] una operación contó en un torneo
    [tournament_winner] un puesto en el podio de un torneo
   *[other] { $code }
    }

xp-level-up = 🎉 ¡Has llegado a { $level } con { $xp } XP!
xp-level-up-next = Te faltan { $needed } XP para { $next }.
xp-level-up-top = Es el nivel más alto: puedes votar propuestas (/vote).
xp-achievement-earned = 🏅 Logro desbloqueado: { $name } ({ $about }).

xp-me-title = Tu progreso
xp-me-level = Nivel: { $level } · { $xp } XP
xp-me-next = { $needed } XP para { $next }
xp-me-top = Nivel más alto alcanzado
xp-me-rank = Puesto #{ $rank } de { $ranked } en la clasificación de { $window }
xp-me-not-joined = No estás en la clasificación: /leaderboard join <apodo> para aparecer.
xp-me-unranked = Aparecerás en la clasificación con { $min } operaciones cerradas en { $window }.
xp-me-achievements = Logros ({ $earned }/{ $total }): { $list }
xp-me-no-achievements = Aún no tienes logros: /achievements los muestra todos.
xp-me-how = XP: +{ $closed } por operación copiada cerrada, +{ $profit } más si cierra con beneficio, +{ $day } por día con una suscripción activa, +{ $referral } cuando alguien a quien invitaste copia su primera operación en una cuenta real.

xp-achievements-title = Logros ({ $earned }/{ $total })
xp-achievements-earned = ✅ { $name }: { $about } ({ $date })
xp-achievements-locked = ▫️ { $name }: { $about }
