## /unsubscribe

unsubscribe-none = No estás suscrito a nada. Usa /subscribe para seguir una estrategia.
unsubscribe-button = { $strategy } en { $account }
unsubscribe-ask = ¿Cuál dejas de seguir? Las posiciones abiertas siguen abiertas.
unsubscribe-done = Suscripción cancelada. Las nuevas señales de esa estrategia ya no se copiarán.
