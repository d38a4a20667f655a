// Snowflakes shaped like Discord's (timestamp since the Discord epoch in the high bits), so code that derives a
// creation time from an id, or sorts ids, behaves as it would against Discord.
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** Interaction tokens are long opaque strings; tests only need them to be unique and URL-safe. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb24${Buffer.from(crypto.getRandomValues(new Uint8Array(48))).toString("base64url")}`;
}

/** Bot tokens are base64(user id).timestamp.hmac; discord.js only strips a "Bot " prefix, but keep the real shape. */
export function botToken(botUserId: string): string {
  const random = Buffer.from(crypto.getRandomValues(new Uint8Array(27))).toString("base64url");
  return `${Buffer.from(botUserId).toString("base64url")}.FAKE00.${random}`;
}
