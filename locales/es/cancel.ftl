## /cancel, o una palabra de cancelación, termina lo que se le estaba pidiendo al usuario.

# Palabras que cancelan una pregunta (separadas por comas; las inglesas también funcionan siempre).
cancel-words = cancelar, parar, salir, anular
cancel-panic = Pánico cancelado. No se ha cerrado nada.
cancel-done = Cancelado.
cancel-nothing = No hay nada que cancelar.
