import { describe, expect, it } from "vitest";
import { accountOnline, chatReach } from "./online.ts";

const now = new Date("2026-12-07T12:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);

describe("online status", () => {
  it.each([
    ["answered the cycle that tried it", { lastContactTriedAt: ago(10), lastContactAt: ago(10) }, true],
    ["answered within 60 s of the try", { lastContactTriedAt: ago(10), lastContactAt: ago(65) }, true],
    ["last answer long before the try", { lastContactTriedAt: ago(10), lastContactAt: ago(200) }, false],
    ["never answered", { lastContactTriedAt: ago(10), lastContactAt: null }, false],
    ["not tried for a long time", { lastContactTriedAt: ago(3600), lastContactAt: ago(3600) }, false],
    ["never tried", { lastContactTriedAt: null, lastContactAt: null }, false],
  ])("an account that %s: %s", (_, account, online) => {
    expect(accountOnline(account, now)).toBe(online);
  });

  it("a chat is reachable when linked and not marked unreachable", () => {
    expect(chatReach(null, null)).toBeNull();
    expect(chatReach("1", null)).toBe("reachable");
    expect(chatReach("1", now)).toBe("unreachable");
  });
});
