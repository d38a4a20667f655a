## Planes (docs/payments.md): estrategias premium, el límite de cuentas y los avisos antes de que termine un plan.

plan-access-required = { $strategy } es una estrategia premium: necesita un plan activo que la incluya ({ $plans }). Consulta /plans.
plan-access-account-limit = Tu plan { $plan } permite { $max } cuentas vinculadas. Elimina una antes de vincular otra.
plan-access-reminder-3d = Tu plan { $plan } termina en 3 días ({ $until }). Renuévalo con /plans para seguir copiando sus estrategias premium.
plan-access-reminder-1d = Tu plan { $plan } termina mañana ({ $until }). Renuévalo con /plans para seguir copiando sus estrategias premium.
plan-access-reminder-expired = Tu plan { $plan } ha terminado ({ $until }). Sus estrategias premium dejan de abrir operaciones tras un breve periodo de gracia; las operaciones abiertas se cierran como siempre. Renuévalo con /plans.
