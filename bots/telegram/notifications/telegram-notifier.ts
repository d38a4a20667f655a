import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Api, GrammyError } from "grammy";
import type { DeliveryResult, Notifier } from "../../../core/notifications/notification-message.ts";
import { renderNotification } from "./render-notification.ts";

/**
 * Sends notifications through Telegram with Telegram's limits respected: the throttler keeps to ~30 messages/s
 * overall and 1/s per chat; auto-retry waits out a 429's retry_after. A 403 means the user blocked the bot.
 */
export function createTelegramNotifier(opts: { token: string; apiRoot?: string; maxRetryDelaySec?: number }): Notifier {
  const api = new Api(opts.token, { apiRoot: opts.apiRoot });
  api.config.use(apiThrottler());
  // Installed last, so it runs first: a retry goes through the throttle again.
  api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: opts.maxRetryDelaySec ?? 60 }));
  return {
    transport: "telegram",
    async deliver(to, message): Promise<DeliveryResult> {
      if (!to.telegramId) return { outcome: "unreachable" };
      try {
        await api.sendMessage(to.telegramId, renderNotification(message));
        return { outcome: "sent" };
      } catch (err) {
        if (err instanceof GrammyError && err.error_code === 403) return { outcome: "unreachable" };
        throw err;
      }
    },
  };
}
