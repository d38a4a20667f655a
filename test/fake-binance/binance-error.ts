// Binance answers errors as {"code": <negative int>, "msg": "..."}; ccxt maps on the code, so the codes and
// HTTP statuses here are the ones the live fapi returns.
export class BinanceError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    msg: string,
  ) {
    super(msg);
  }
}

export const binanceErrors = {
  invalidSignature: () => new BinanceError(400, -1022, "Signature for this request is not valid."),
  invalidKey: () =>
    new BinanceError(401, -2015, "Invalid API-key, IP, or permissions for action, request ip: 127.0.0.1"),
  keyFormat: () => new BinanceError(401, -2014, "API-key format invalid."),
  timestamp: () => new BinanceError(400, -1021, "Timestamp for this request is outside of the recvWindow."),
  badSymbol: () => new BinanceError(400, -1121, "Invalid symbol."),
  missingParam: (name: string) =>
    new BinanceError(400, -1102, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`),
  badParam: (name: string) => new BinanceError(400, -1130, `Data sent for parameter '${name}' is not valid.`),
  badOrderType: () => new BinanceError(400, -1116, "Invalid orderType."),
  // Since the Dec 2025 migration conditional types are refused on /fapi/v1/order.
  useAlgoApi: () =>
    new BinanceError(
      400,
      -4120,
      "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.",
    ),
  margin: () => new BinanceError(400, -2019, "Margin is insufficient."),
  reduceOnly: () => new BinanceError(400, -2022, "ReduceOnly Order is rejected."),
  minNotional: (n: string) =>
    new BinanceError(400, -4164, `Order's notional must be no smaller than ${n} (unless you choose reduce only).`),
  qtyTooSmall: () => new BinanceError(400, -4003, "Quantity less than or equal to zero."),
  lotSize: () => new BinanceError(400, -1111, "Precision is over the maximum defined for this asset."),
  maxQty: () => new BinanceError(400, -4005, "Quantity greater than max quantity."),
  duplicateClientId: () => new BinanceError(400, -4116, "ClientOrderId is duplicated."),
  badClientId: () => new BinanceError(400, -4015, "Client order id is not valid."),
  immediateTrigger: () => new BinanceError(400, -2021, "Order would immediately trigger."),
  orderNotFound: () => new BinanceError(400, -2013, "Order does not exist."),
  unknownOrder: () => new BinanceError(400, -2011, "Unknown order sent."),
  badLeverage: () => new BinanceError(400, -4028, "Leverage is not valid"),
  notRequired: (name: string) => new BinanceError(400, -1106, `Parameter '${name}' sent when not required.`),
  badCombination: () => new BinanceError(400, -1128, "Combination of optional parameters invalid."),
  intervalTooLong: () => new BinanceError(400, -1127, "More than 168 hours between startTime and endTime."),
  maxOpenOrders: () => new BinanceError(400, -2025, "Reach max open order limit."),
  maxStopOrders: () => new BinanceError(400, -4045, "Reach max stop order limit."),
  positionSideMismatch: () => new BinanceError(400, -4061, "Order's position side does not match user's setting."),
  samePositionMode: () => new BinanceError(400, -4059, "No need to change position side."),
  modeChangeWithOpenOrders: () =>
    new BinanceError(400, -4067, "Position side cannot be changed if there exists open orders."),
  modeChangeWithPosition: () =>
    new BinanceError(400, -4068, "Position side cannot be changed if there exists position."),
  // The matching engine checks the timestamp again when the order reaches it, after any queueing.
  meRecvWindow: () => new BinanceError(400, -5028, "Timestamp for this request is outside of the ME recvWindow."),
  internalError: () =>
    new BinanceError(503, -1001, "Internal error; unable to process your request. Please try again."),
  tooManyRequests: (limit = 2400) =>
    new BinanceError(
      429,
      -1003,
      `Too many requests; current limit of IP(127.0.0.1) request weight per minute is ${limit}. Please use WebSocket Streams for live updates to avoid polling the API.`,
    ),
  ipBanned: (until: number) =>
    new BinanceError(
      418,
      -1003,
      `Way too many requests; IP(127.0.0.1) banned until ${until}. Please use WebSocket Streams for live updates to avoid bans.`,
    ),
  notFound: (path: string) => new BinanceError(404, -1000, `No such endpoint in the fake: ${path}`),
};
