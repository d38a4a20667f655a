## /start

start-greeting-new = ¡Bienvenido a Mimic!
start-greeting-back = Bienvenido de nuevo a Mimic.
start-intro = Mimic copia en tu propia cuenta del exchange las operaciones de las estrategias que sigues, con el tamaño que tú configures.
start-next-link = Siguiente paso: vincula una cuenta con /link (o una cuenta paper para probar sin riesgo) y luego suscríbete con /subscribe a una estrategia de /strategies.
start-next-follow = Siguiente paso: busca una estrategia que seguir en /strategies, suscríbete con /subscribe o mira tus operaciones en /positions.
start-outro = Configura /2fa para que /panic pueda cerrarlo todo en caso de emergencia. /help muestra todos los comandos.
