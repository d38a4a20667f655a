/**
 * Telegram's documented limits for a bot, enforced strictly: at most `globalPerSecond` messages in any 1-second
 * window across all chats, and `perChatPerSecond` in any 1-second window in one chat. Past either, the request
 * is refused with a 429 whose retry_after (whole seconds, as Telegram sends) says when it would fit.
 */
export interface TelegramLimits {
  globalPerSecond: number;
  perChatPerSecond: number;
}

export function createTelegramLimiter(limits: TelegramLimits) {
  const global: number[] = [];
  const perChat = new Map<number, number[]>();
  let rejected = 0;
  let accepted = 0;
  // Times of accepted requests in the last second, oldest first.
  const prune = (times: number[], now: number) => {
    while (times.length && (times[0] ?? 0) <= now - 1000) times.shift();
  };
  return {
    /** null: accepted; otherwise the seconds to wait. */
    check(chatId: number | undefined, now = Date.now()): number | null {
      prune(global, now);
      const chat = chatId === undefined ? undefined : (perChat.get(chatId) ?? []);
      if (chat) prune(chat, now);
      const full = (times: number[], limit: number) => (times.length >= limit ? (times[0] ?? now) + 1000 - now : 0);
      const waitMs = Math.max(full(global, limits.globalPerSecond), chat ? full(chat, limits.perChatPerSecond) : 0);
      if (waitMs > 0) {
        rejected += 1;
        return Math.max(1, Math.ceil(waitMs / 1000));
      }
      accepted += 1;
      global.push(now);
      if (chat && chatId !== undefined) {
        chat.push(now);
        perChat.set(chatId, chat);
      }
      return null;
    },
    stats: () => ({ accepted, rejected429: rejected }),
  };
}
