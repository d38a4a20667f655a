## /plans y pagos con Plisio (docs/payments.md)

plans-title = Planes
plans-empty = Todavía no hay planes a la venta.
plans-line = { $name }: { $price } USD por { $days ->
        [one] 1 día
       *[other] { $days } días
    }
plans-includes-all = Incluye todas las estrategias premium
plans-includes = Incluye: { $strategies }
plans-includes-none = Todavía no incluye ninguna estrategia
plans-max-accounts = hasta { $count ->
        [one] 1 cuenta
       *[other] { $count } cuentas
    }
plans-current = Tu plan: { $plan }, activo hasta el { $until } UTC.
plans-footer = Pulsa el botón de un plan para pagar en cripto con Plisio.
plans-payments-off = Los pagos aún no están configurados en este Mimic: un administrador puede asignarte un plan.
plans-buy-button = Comprar { $name } ({ $price } USD)
plans-invoice = Paga { $price } USD por { $plan } aquí:
    { $url }
    El plan empieza en cuanto Plisio confirme el pago.
plans-invoice-failed = Plisio no pudo crear la factura ahora. Inténtalo de nuevo en un minuto.
plans-gone = Ese plan ya no está a la venta. Envía /plans para ver los actuales.
plans-paid = Pago recibido: { $plan } está activo hasta el { $until } UTC.
plans-expired = Tu factura de { $plan } ({ $price } USD) caducó sin pagarse. Envía /plans para empezar de nuevo.
plans-expired-received = Tu factura de { $plan } ({ $price } USD) caducó con un pago insuficiente: Plisio recibió { $received } { $currency }, menos que el precio, así que el plan no empezó. Contacta con soporte por lo que enviaste.
