import type { FakeTelegram } from "../../test/fake-telegram/start-fake-telegram.ts";
import type { FakeReport } from "./fake-thread.ts";

export function report(fake: FakeTelegram): FakeReport {
  const perRecipient: Record<string, number> = {};
  for (const m of fake.state.botMessages) perRecipient[m.chatId] = (perRecipient[m.chatId] ?? 0) + 1;
  return { perRecipient, ...fake.limitStats() };
}
