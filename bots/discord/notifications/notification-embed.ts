import type { APIEmbed } from "discord.js";
import type { NotificationMessage } from "../../../core/notifications/notification-message.ts";

const GREEN = 0x16c784;
const RED = 0xea3943;
const AMBER = 0xf5a623;
const BLUE = 0x5865f2;

/** The shared notification text as an embed, coloured by what happened (the text alone says it all). */
export function notificationEmbed(message: NotificationMessage, text: string): APIEmbed {
  return { description: text.slice(0, 4096), color: colour(message) };
}

function colour(m: NotificationMessage): number {
  switch (m.kind) {
    case "execution":
      if (m.status === "failed" || m.unprotected) return RED;
      if (m.status === "skipped") return AMBER;
      return pnlColour(m.closedTrade?.pnl) ?? GREEN;
    case "trade":
      return m.reason === "liquidation" ? RED : (pnlColour(m.pnl) ?? BLUE);
    case "guardrail":
      return m.reason === "daily_loss" ? RED : GREEN;
    case "level_up":
    case "achievement":
      return GREEN;
    default:
      return BLUE;
  }
}

const pnlColour = (pnl: string | undefined) => (pnl === undefined ? undefined : pnl.startsWith("-") ? RED : GREEN);
