## /help, y el menú de comandos de cada transporte (una descripción por comando).

help-line = /{ $command } - { $description }
help-command-start = Bienvenida y próximos pasos
help-command-help = Todos los comandos, uno por línea
help-command-link = Vincula una cuenta de exchange (clave API o paper)
help-command-accounts = Tus cuentas vinculadas; elimina una
help-command-strategies = Estrategias que puedes seguir, con estadísticas
help-command-subscribe = Sigue una estrategia con una de tus cuentas
help-command-unsubscribe = Deja de seguir una estrategia
help-command-settings = Pausar/reanudar, tamaño, TP/SL, máx. posiciones, tope de deslizamiento, DCA, reparto de TP, avisos
help-command-positions = Tus operaciones abiertas (entrada, precio, PnL, TP/SL) y otras posiciones
help-command-balance = Saldo de cada cuenta
help-command-pnl = Tu tarjeta de PnL: patrimonio, realizado y no realizado
help-command-me = Tu nivel, XP, logros y puesto en la clasificación
help-command-achievements = Todos los logros, conseguidos o no
help-command-leaderboard = Clasificación: los 10 mejores por rentabilidad y tu puesto
help-command-tournament = Torneos: la clasificación, o inscríbete en el próximo
help-command-vote = Vota las propuestas de gobernanza abiertas (miembros élite)
help-command-propose = Propón una votación: /propose Título | opción 1, opción 2 | 3d (miembros élite)
help-command-2fa = Configura (o quita con /2fa off) una app de autenticación
help-command-panic = Cierra todas las posiciones y cancela todas las órdenes (requiere 2FA)
help-command-connect = Usa una sola cuenta de Mimic en Telegram y Discord
help-command-support = Haz una pregunta sobre Mimic: /support <pregunta>
help-command-ticket = Tus tickets de soporte abiertos
help-command-terms = Las condiciones del servicio y tu país de residencia
help-command-cancel = Detén lo que se te estaba pidiendo (un código, una clave, un ajuste)
