import { Composer } from "grammy";
import type { BotContext } from "../bot-context.ts";

export const COMMANDS: { command: string; description: string }[] = [
  { command: "start", description: "Welcome and what to do next" },
  { command: "help", description: "Every command, one line each" },
  { command: "link", description: "Link an exchange account (API key, or paper)" },
  { command: "accounts", description: "Your linked accounts; remove one" },
  { command: "strategies", description: "Strategies you can follow, with stats" },
  { command: "subscribe", description: "Follow a strategy with one of your accounts" },
  { command: "unsubscribe", description: "Stop following a strategy" },
  { command: "settings", description: "Pause/resume, sizing, TP/SL, max positions, notifications" },
  { command: "positions", description: "Your open trades (entry, mark, PnL, TP/SL) and other positions" },
  { command: "balance", description: "Balance per account" },
  { command: "pnl", description: "Your PnL card: equity, realised and unrealised" },
  { command: "2fa", description: "Set up (or /2fa off) an authenticator app" },
  { command: "panic", description: "Close every position and cancel every order (needs 2FA)" },
  { command: "cancel", description: "Stop what you were asked for (a code, a key, a setting)" },
];

export const helpText = () => COMMANDS.map((c) => `/${c.command} - ${c.description}`).join("\n");

export function helpFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("help", (ctx) => ctx.reply(helpText()));
  return composer;
}
