import { describe, expect, it } from "vitest";
import { helpText } from "../../shared/wording/commands.ts";
import { wording } from "../../shared/wording/translator.ts";
import { telegramCommands } from "./help.ts";

describe("the command menu and /help come from the wording", () => {
  it("registers every command in each language, within Telegram's (and Discord's) limits", () => {
    const translator = wording();
    expect(translator.locales.slice(0, 1)).toEqual(["en"]);
    expect(translator.locales).toContain("es");
    for (const locale of translator.locales) {
      const commands = telegramCommands(translator.forLocale(locale));
      expect(commands.map((c) => c.command)).toEqual([
        "start",
        "help",
        "link",
        "accounts",
        "strategies",
        "plans",
        "subscribe",
        "unsubscribe",
        "settings",
        "positions",
        "balance",
        "pnl",
        "me",
        "achievements",
        "leaderboard",
        "tournament",
        "vote",
        "propose",
        "2fa",
        "panic",
        "connect",
        "referral",
        "payout",
        "banner",
        "support",
        "ticket",
        "terms",
        "cancel",
      ]);
      for (const c of commands) {
        expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
        // Telegram allows 256 characters; Discord, which shares these descriptions, 100.
        expect(c.description.length).toBeGreaterThan(2);
        expect(c.description.length).toBeLessThanOrEqual(100);
      }
    }
    expect(telegramCommands(translator.forLocale("es"))[0]?.description).toBe("Bienvenida y próximos pasos");
  });

  it("lists one line per command", () => {
    const text = helpText(wording().forLocale("en"));
    expect(text.split("\n")[0]).toBe("/start - Welcome and what to do next");
    expect(text).toMatch(/^\/panic - Close every position and cancel every order \(needs 2FA\)$/m);
  });
});
