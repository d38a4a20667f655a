import { I18n, TranslateWarnings } from "@grammyjs/i18n";
import type { Logger } from "pino";
import {
  DEFAULT_LOCALE,
  LOCALES_DIR,
  negotiateLocale,
  WORDING_BUNDLE_OPTIONS,
} from "../../shared/wording/translator.ts";
import type { BotContext } from "../bot-context.ts";

/**
 * grammY's i18n plugin over the shared `locales/` (see bots/shared/wording/translator.ts): `ctx.t(key, args)` in
 * the sender's Telegram language (`language_code`) where a translation exists, English otherwise, message by
 * message. Same bundle options as the shared translator, so no bidi marks land in chat text.
 */
export function telegramI18n(logger: Logger): I18n<BotContext> {
  const i18n: I18n<BotContext> = new I18n<BotContext>({
    defaultLocale: DEFAULT_LOCALE,
    directory: LOCALES_DIR,
    useSession: false,
    fluentBundleOptions: WORDING_BUNDLE_OPTIONS,
    fluentOptions: {
      warningHandler: (warning) => {
        // A language lacking a message falls back to English; the locales test keeps that from happening.
        if (warning.type === TranslateWarnings.MISSING_TRANSLATION) {
          logger.error({ key: warning.path, locales: warning.locales }, "no wording for this key");
        }
      },
    },
    localeNegotiator: (ctx) => negotiateLocale(ctx.from?.language_code, i18n.locales, DEFAULT_LOCALE),
  });
  return i18n;
}
