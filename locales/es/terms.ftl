## Condiciones del servicio y país de residencia (core/community/terms).

terms-intro-first = Antes de vincular una cuenta o seguir una estrategia, lee las condiciones del servicio de Mimic. En resumen:
terms-intro-changed = Las condiciones del servicio de Mimic cambiaron desde que las aceptaste. Léelas de nuevo antes de seguir. En resumen:
terms-summary =
    • Mimic copia las señales de un proveedor en tu propia cuenta del exchange. Es una herramienta, no asesoramiento de inversión.
    • Tus claves, tu cuenta, tu riesgo: el trading con apalancamiento puede perder todo tu margen, y las órdenes pueden ejecutarse tarde, en parte o nunca.
    • Tus claves API se guardan cifradas; guardamos tus operaciones, ajustes y país para prestar el servicio, y un registro de auditoría.
    • El servicio se ofrece tal cual, sin promesa de que esté siempre disponible; no respondemos de pérdidas de trading.
    • Usa Mimic solo donde sea legal para ti; no se da servicio a residentes de algunos países.
terms-read = Las condiciones completas: { $url }
terms-accept-button = Acepto
terms-changed = Las condiciones acaban de cambiar. Aquí tienes las nuevas.
terms-accepted = Gracias: aceptaste las condiciones (versión { $version }).
terms-country-ask = ¿Dónde vives? Elige tu país de residencia, o escribe su nombre o su código de dos letras para buscarlo.
terms-country-results = Países que coinciden con «{ $query }»:
terms-country-none = Ningún país coincide con «{ $query }». Escribe otro nombre, o un código de dos letras como ES.
terms-country-unknown = No conozco ese país. Elige de nuevo, por favor.
terms-country-declared = País de residencia: { $country }.
terms-blocked = Lo sentimos: Mimic no vincula cuentas ni sigue estrategias para residentes de { $country }. Aún puedes ver, pausar y cerrar lo que tienes (/positions, /settings, /unsubscribe, /accounts, /panic). Si no vives en { $country }, cámbialo con /terms.
terms-continue = Todo listo. Seguimos con { $command }.
terms-run-again = Todo listo. Envía { $command } de nuevo para seguir.
terms-ready = Todo listo: puedes vincular una cuenta (/link) y seguir una estrategia (/subscribe).
terms-status-accepted = Aceptaste estas condiciones (versión { $version }) el { $date }.
terms-status-pending = Aún no aceptaste las condiciones actuales (versión { $version }).
terms-status-country = País de residencia: { $country }.
terms-status-no-country = País de residencia: aún sin declarar.
terms-change-country-button = Cambiar de país
terms-form-pick = Elige tu país
terms-form-search-button = Buscar…
terms-form-search-title = Busca tu país
terms-form-search-field = Nombre del país o código de dos letras
