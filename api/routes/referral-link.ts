import { Hono } from "hono";
import { recordReferralClick } from "../../core/billing/referrals/record-click.ts";
import { referralLinks } from "../../core/billing/referrals/referral-links.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";

/**
 * A referral short link, {PUBLIC_URL}/r/<code>: counts the click (the code and the time only) and sends the
 * visitor to the bot's Telegram deep link, which carries the code into /start. An unknown code is a 404.
 */
export function referralLinkRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get("/r/:code", async (c) => {
    const code = await recordReferralClick({ code: c.req.param("code") }, deps);
    if (!code) return c.text("This referral link is not valid.", 404);
    const { telegram } = referralLinks({ code, botUsername: deps.telegramBotUsername });
    if (!telegram) {
      c.get("logger").warn("referral link clicked, but TELEGRAM_BOT_USERNAME is not set");
      return c.text(`Open the Mimic bot in Telegram and send: /start ${code}`, 200);
    }
    return c.redirect(telegram, 302);
  });
  return app;
}
