## Lo que lee el usuario cuando algo se rechaza o falla. Los detalles internos se quedan en el registro.

# Un rechazo cuyo texto viene del núcleo (en inglés): con mayúscula inicial y punto final.
errors-detail = { $detail }.
errors-locked = Demasiados códigos incorrectos. Queda bloqueado hasta las { $until } UTC; no se ha cambiado nada.
errors-locked-later = Demasiados códigos incorrectos. Queda bloqueado durante un rato; no se ha cambiado nada.
errors-wrong-code = Ese código es incorrecto, ha caducado o ya se ha usado.
errors-invalid-key = El exchange ha rechazado estas claves API (clave o secreto incorrectos, o la clave está desactivada). No se ha guardado nada. Revísalas y envía /link de nuevo.
errors-key-can-withdraw = Esta clave API tiene permiso para retirar fondos, así que Mimic no la guardará: si una clave así se filtrara, podrían vaciarte la cuenta. Crea una clave nueva con el trading activado y los retiros DESACTIVADOS, y envía /link de nuevo. No se ha guardado nada.
errors-position-mode = Esta cuenta está en modo de posición cobertura (hedge); Mimic solo opera cuentas en modo unidireccional. Cambia el modo de posición de futuros a unidireccional en los ajustes del exchange (sin posiciones ni órdenes abiertas mientras lo cambias) y envía /link de nuevo. No se ha guardado nada.
errors-exchange-timeout = El exchange no respondió a tiempo. No se ha cambiado nada; vuelve a intentarlo en un minuto.
errors-internal = Algo ha fallado por nuestra parte. No se ha cambiado nada; vuelve a intentarlo más tarde.
# Un operador desactivó la cuenta del usuario: cada comando recibe esta respuesta.
errors-account-disabled = Tu cuenta de Mimic está desactivada: desde aquí no se puede hacer nada y no se copian señales. Contacta con el operador de este Mimic si crees que es un error.
