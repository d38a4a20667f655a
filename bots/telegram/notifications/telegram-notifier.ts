import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Api, GrammyError } from "grammy";
import type { DeliveryResult, Notifier } from "../../../core/notifications/notification-message.ts";
import { notificationText } from "../../shared/wording/notification-text.ts";
import { wording } from "../../shared/wording/translator.ts";

// Telegram allows about 30 messages a second overall and one a second per chat.
const GLOBAL_SPACING_MS = 35;
const PER_CHAT_SPACING_MS = 1050;

/**
 * Sends notifications through Telegram with Telegram's limits respected: the throttler keeps to ~30 messages/s
 * overall and 1/s per chat; auto-retry waits out a 429's retry_after. A 403 means the user blocked the bot.
 */
export function createTelegramNotifier(opts: { token: string; apiRoot?: string; maxRetryDelaySec?: number }): Notifier {
  const api = new Api(opts.token, { apiRoot: opts.apiRoot });
  // Paced evenly rather than the plugin's default of 30 at once each second: a burst that straddles Telegram's
  // window draws 429s (16% of requests in bench:notify), an even 28/s none. A chat gets one message per 1.05 s.
  api.config.use(
    apiThrottler({
      global: { minTime: GLOBAL_SPACING_MS },
      out: { maxConcurrent: 1, minTime: PER_CHAT_SPACING_MS },
    }),
  );
  // Installed last, so it runs first: a retry goes through the throttle again.
  api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: opts.maxRetryDelaySec ?? 60 }));
  return {
    transport: "telegram",
    async deliver(to, message): Promise<DeliveryResult> {
      if (!to.telegramId) return { outcome: "unreachable" };
      try {
        await api.sendMessage(to.telegramId, notificationText(message, wording().forLocale(to.locale)));
        return { outcome: "sent" };
      } catch (err) {
        if (err instanceof GrammyError && err.error_code === 403) return { outcome: "unreachable" };
        throw err;
      }
    },
  };
}
