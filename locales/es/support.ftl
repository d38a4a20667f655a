# Soporte: respuestas a la pregunta de un seguidor, tickets y mensajes del equipo.

support-docs-intro = Esto dice la documentación:
support-docs-none = No encontré nada sobre eso en la documentación.
support-source = Fuente: { $link }
support-sources = Fuentes: { $links }
support-ticket-opened = Abrí el ticket { $ticket } para nuestro equipo; una persona te responderá aquí.
support-ticket-added = Añadí esto a tu ticket abierto { $ticket }; una persona te responderá aquí.
support-offer-ticket = ¿No es lo que necesitabas? Pulsa "Hablar con una persona" y alguien te responderá.
support-human = Claro: abrí el ticket { $ticket } y una persona de nuestro equipo te responderá aquí.
support-human-added = Claro: añadí esto a tu ticket abierto { $ticket }; una persona de nuestro equipo te responderá aquí.
support-unavailable = El soporte no está disponible ahora mismo, así que abrí el ticket { $ticket } y una persona te responderá aquí.
support-refused = No puedo dar consejos de inversión: qué monedas operar, cuándo o qué estrategia seguir es decisión tuya. Puedo ayudarte con cómo funciona Mimic, tus ajustes y los errores.
support-rate-limited = Has hecho muchas preguntas en esta hora. Vuelve a intentarlo más tarde; si necesitas a una persona ahora, escribe «hablar con una persona» y se abrirá un ticket.
support-redacted = Quité de tu mensaje algo que parecía una clave, contraseña, frase semilla o código 2FA. No publiques eso nunca, ni siquiera al soporte: nunca te lo pediremos.
support-button-helpful = Útil
support-button-human = Hablar con una persona
support-helpful-thanks = ¡Gracias por tu opinión!
support-no-tickets = No tienes tickets abiertos. Pregunta cuando quieras.
support-tickets-title = Tus tickets abiertos:
support-ticket-line = { $ticket } · { $date } · { $question }
support-reply-added = Añadido al ticket { $ticket }.
support-reply = Respuesta del soporte en el ticket { $ticket }:
    { $text }
support-admin-message = Mensaje del equipo de Mimic:
    { $text }
support-broadcast = Mensaje del equipo de Mimic a los seguidores de { $strategy }:
    { $text }
support-ask-hint = Para preguntar otra cosa al asistente, envía { $command } seguido de tu pregunta.
support-usage = Envía /support seguido de tu pregunta, por ejemplo: /support ¿cómo vinculo Binance?
support-command-ask = Pregunta sobre Mimic; una persona te atiende si la documentación no basta
support-option-question = Tu pregunta, con tus palabras (nunca una clave ni un código)
support-off = El soporte no está disponible ahora mismo. Vuelve a intentarlo más tarde.
