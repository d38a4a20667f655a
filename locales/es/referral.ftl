## Referidos y pagos (core/billing/referrals): /referral, /referral use, /payout, /banner.

referral-title = Invita a tus amigos y gana comisiones
referral-code = Tu código: { $code }
referral-telegram-link = Telegram: { $link }
referral-short-link = Enlace corto: { $link }
referral-discord-code = Discord: /referral use code:{ $code }
referral-discord-use-hint = ¿Te invitó alguien? /referral use code:<su código>
referral-stats-title = Hasta ahora
referral-stats-funnel = Clics: { $clicks } · registros: { $signups } · copiaron una operación: { $copied } · de pago: { $paying }
referral-stats-commissions = Comisiones (USD): pendientes { $pending } · aprobadas { $approved } · pagadas { $paid }
referral-terms = Ganas el { $perc }% de lo que pagan las personas que traes durante sus primeros { $months } meses. Una comisión se aprueba { $days } días después del pago; pide las comisiones aprobadas con /payout <dirección USDT> <red> desde { $min } USD.
referral-use-done = Hecho: te invitó el código { $code }.
referral-use-unknown = Nadie tiene ese código de referido. Revísalo e inténtalo de nuevo.
referral-use-self = Es tu propio código: no puedes referirte a ti mismo.
referral-use-loop = Tú invitaste a esa persona: no puede ser quien te refiere.
referral-use-already = Ya tienes quien te refirió, y no se puede cambiar.
referral-use-usage = Envía /referral use <código> con el código de quien te invitó.
referral-payout-usage = Envía /payout <dirección USDT> <red>, con la red TRC20, ERC20, BEP20 o POLYGON.
referral-payout-requested = Pago solicitado: { $amountUsd } USD en USDT por { $network } a { $address }. Un administrador lo envía y te avisamos con la transacción.
referral-payout-below-minimum = Tu saldo aprobado es { $balance } USD; los pagos empiezan en { $min } USD.
referral-payout-bad-network = Los pagos se envían en USDT solo por { $networks }.
referral-payout-bad-address = Esa dirección no es válida en { $network }.
referral-banner-caption = Compártelo: tu código { $code }{ $link ->
    [none] {""}
   *[other] {" "}· { $link }
    }
referral-banner-title = Copia operaciones conmigo en Mimic
referral-banner-invite = Únete con mi código en Telegram o Discord
referral-banner-level = Nivel: { $level }
referral-banner-best = Mejor mes: { $perc } ({ $month })
referral-command-show = Tu código, enlaces y comisiones
referral-command-use = Introduce el código de quien te invitó
referral-option-code = Su código de referido
referral-payout-option-address = Tu dirección USDT
referral-payout-option-network = La red de la dirección
