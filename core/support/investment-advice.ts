// Questions that ask Mimic what to trade. The system prompt refuses them too; this catches the plain ones before
// any model sees them, and answers them the same way without a key.
const advice = [
  /\b(which|what) (coin|token|crypto|pair|strategy|asset)s? (should|do you recommend|to) (i )?(buy|sell|long|short|trade|follow|pick)/i,
  /\bshould i (buy|sell|long|short|go long|go short)\b/i,
  /\b(price prediction|will (btc|bitcoin|eth|it) (go up|go down|pump|dump|rise|fall))\b/i,
  /\b(qu[eé]|cu[aá]l) (moneda|cripto|token|estrategia|par)s? (deber[ií]a|me recomiendas|comprar|vender)/i,
  /\b(deber[ií]a|debo) (comprar|vender|ir en largo|ir en corto)\b/i,
  /\b(va a subir|va a bajar)\b/i,
];

export function asksForInvestmentAdvice(question: string): boolean {
  return advice.some((re) => re.test(question));
}
