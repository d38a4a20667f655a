## /link: elige un exchange y luego da la clave, el secreto y (en algunos exchanges) la frase de contraseña.

link-choose-exchange = ¿Qué exchange?
link-paper-button = paper (simulada, { $balance } USDT)
link-not-offered = Ese exchange no está disponible. Envía /link para elegir otra vez.
link-paper-linked = Cuenta paper vinculada con { $balance } USDT de dinero simulado.
link-paper-next = Siguiente paso: suscríbete a una estrategia con /subscribe (mira /strategies).
link-linking = Vinculando { $exchange }.
link-key-advice = Créala con el trading activado y los retiros DESACTIVADOS.
link-ask-key = Envía la clave API de tu cuenta de { $exchange }. { link-key-advice } Borro cada mensaje que contiene un secreto en cuanto lo leo.
link-ask-secret = Ahora envía el secreto de la API (para una clave Ed25519 o RSA: la clave privada entera, de BEGIN a END).
link-ask-password = Ahora envía la frase de contraseña de la API.
link-invalid = { $problem }. Envíalo otra vez (o /link para empezar de nuevo).
link-problem-too-short = eso es demasiado corto para ser una clave o un secreto de API
link-problem-too-long = eso es demasiado largo para ser una clave o un secreto de API
link-problem-spaces = las claves y los secretos de API no llevan espacios
link-problem-pem = esa clave privada está incompleta: envía el bloque PEM entero, de BEGIN a END
link-problem-other = eso no parece correcto
link-checking = Comprobando las claves con el exchange...
link-linked = Cuenta de { $exchange } vinculada. Las claves se guardan cifradas. Siguiente paso: suscríbete a una estrategia con /subscribe.
link-form-title = Vincular { $exchange }
link-form-intro = { link-key-advice } Mimic comprueba la clave con el exchange antes de guardarla cifrada.
link-form-key = Clave API
link-form-secret = Secreto de la API
link-form-secret-hint = Para una clave Ed25519 o RSA: la clave privada entera, de BEGIN a END
link-form-password = Frase de contraseña de la API
link-form-open = Introducir las claves
