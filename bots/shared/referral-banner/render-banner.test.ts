import { mkdirSync, writeFileSync } from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { bannerTree, renderBanner } from "./render-banner.ts";

const card = {
  title: "Copy trades with me on Mimic",
  code: "K7P2QXM",
  invite: "Join with my code in Telegram or Discord",
  link: "https://mimic.example.com/r/K7P2QXM",
  level: "Level: Gold",
  best: "Best month: +12.34% (2026-11)",
};

describe("referral banner", () => {
  it("renders a PNG with a QR code of the link", async () => {
    const png = await renderBanner(card);
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBe(800);
    mkdirSync("test/artifacts", { recursive: true });
    writeFileSync("test/artifacts/referral-banner.png", png);
  });

  it("leaves the QR code and the performance out when there is nothing to show", async () => {
    const tree = JSON.stringify(bannerTree({ ...card, link: null, best: null }, null));
    expect(tree).not.toContain('"img"');
    expect(tree).not.toContain("Best month");
    expect((await sharp(await renderBanner({ ...card, link: null, best: null })).metadata()).format).toBe("png");
  });
});
