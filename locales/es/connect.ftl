# /connect: un solo usuario de Mimic detrás de una identidad de Telegram y otra de Discord.
connect-code-for-telegram = Tu código: { $code } (válido { $minutes } minutos, una sola vez). En el bot de Mimic en Telegram, envía: /connect { $code }
connect-code-for-discord = Tu código: { $code } (válido { $minutes } minutos, una sola vez). En el bot de Mimic en Discord, usa: /connect code:{ $code }
connect-done = Conectado: tus cuentas de Telegram y Discord son ahora un solo usuario de Mimic.
connect-merged = Conectado: tus cuentas de Telegram y Discord son ahora un solo usuario de Mimic; las cuentas y suscripciones que tenías de este lado se han pasado a él.
