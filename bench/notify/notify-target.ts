import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDiscordNotifier } from "../../bots/discord/notifications/discord-notifier.ts";
import { createTranslator } from "../../bots/shared/wording/translator.ts";
import { createTelegramNotifier } from "../../bots/telegram/notifications/telegram-notifier.ts";
import type { Notifier } from "../../core/notifications/notification-message.ts";
import { type FakeReport, startFakeThread } from "./fake-thread.ts";

export interface NotifyTarget {
  notifier: Notifier;
  limitPerSecond: number;
  report(): Promise<FakeReport>;
  close(): Promise<void>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The transport's real notifier, pointed at a local fake that enforces the platform's documented limits. */
export async function startNotifyTarget(
  transport: "telegram" | "discord",
  opts: { followers: number },
): Promise<NotifyTarget> {
  if (transport === "telegram") {
    const limits = { globalPerSecond: 30, perChatPerSecond: 1 };
    const fake = await startFakeThread({
      module: path.join(root, "test/fake-telegram/start-fake-telegram.ts"),
      start: "startFakeTelegram",
      options: { limits },
      report: path.join(root, "bench/notify/telegram-report.ts"),
    });
    return {
      notifier: createTelegramNotifier({ token: fake.token, apiRoot: fake.apiRoot }),
      limitPerSecond: limits.globalPerSecond,
      report: fake.report,
      close: fake.close,
    };
  }
  const globalPerSecond = 50;
  const fake = await startFakeThread({
    module: path.join(root, "bench/notify/discord-fake.ts"),
    start: "startBenchDiscord",
    options: { followers: opts.followers, globalPerSecond },
    report: path.join(root, "bench/notify/discord-fake.ts"),
  });
  return {
    notifier: createDiscordNotifier({ token: fake.token, apiRoot: fake.apiRoot, translator: createTranslator() }),
    limitPerSecond: globalPerSecond,
    report: fake.report,
    close: fake.close,
  };
}
