import { describe, expect, it } from "vitest";
import { planReminderMessage } from "../../../core/billing/plan-reminders.ts";
import { notificationText } from "./notification-text.ts";
import { wording } from "./translator.ts";

describe("plan reminders as text", () => {
  const until = "2026-12-10T08:30:00.000Z";
  const text = (stage: string, locale = "en") => {
    const message = planReminderMessage({ stage, plan: "Pro", until });
    if (!message) throw new Error("not a reminder");
    return notificationText(message, wording().forLocale(locale));
  };

  it("says which plan ends when, in each stage and language", () => {
    expect(text("3d")).toBe(
      "Your Pro plan ends in 3 days (2026-12-10 08:30 UTC). Renew it with /plans to keep copying its premium strategies.",
    );
    expect(text("1d")).toMatch(/^Your Pro plan ends tomorrow \(2026-12-10 08:30 UTC\)/);
    expect(text("expired")).toMatch(/open trades still close as usual/);
    expect(text("1d", "es")).toMatch(/^Tu plan Pro termina mañana/);
  });

  it("drops a payload that is not a reminder", () => {
    expect(planReminderMessage({ stage: "2d", plan: "Pro", until })).toBeNull();
    expect(planReminderMessage(null)).toBeNull();
  });
});
