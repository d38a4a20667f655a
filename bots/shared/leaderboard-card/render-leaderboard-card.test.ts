import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { LeaderboardView } from "../../../core/community/leaderboard/show-leaderboard.ts";
import { PNL_CARD_WIDTH } from "../pnl-card/render-pnl-card.ts";
import { leaderboardCard, roeText } from "../wording/leaderboard-text.ts";
import { wording } from "../wording/translator.ts";
import { leaderboardCardTree, renderLeaderboardCard } from "./render-leaderboard-card.ts";

const view: LeaderboardView = {
  window: "7d",
  at: new Date("2026-12-07T10:00:00Z"),
  minTrades: 5,
  ranked: 12,
  top: Array.from({ length: 10 }, (_, i) => ({
    rank: i + 1,
    userId: `u${i}`,
    nickname: i === 0 ? "W".repeat(20) : `trader_${i}`,
    pnl: "10",
    margin: "100",
    roe: String(0.5 - i * 0.1),
    trades: 5 + i,
  })),
  me: { joined: true, nickname: "trader_3", rank: 4, roe: "0.2", pnl: "20", trades: 8 },
};

function texts(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === "object" && "props" in node)
    return texts((node as { props: { children?: unknown } }).props.children);
  return [];
}

describe("the leaderboard card", () => {
  it("shows the top 10 with signed returns, and the asker's rank, in their language", () => {
    const en = texts(leaderboardCardTree(leaderboardCard(view, wording().forLocale("en"))));
    expect(en).toContain("Leaderboard · 7d");
    expect(en).toContain("#10");
    expect(en).toContain("+50.00%");
    expect(en).toContain("-40.00%");
    expect(en).toContain("You: #4 of 12, +20.00%");
    const es = texts(leaderboardCardTree(leaderboardCard(view, wording().forLocale("es"))));
    expect(es).toContain("Tú: n.º 4 de 12, +20.00%");
    expect(roeText(null)).toBe("—");
  });

  it("renders a PNG as wide as the /pnl card, also with nobody ranked", async () => {
    const t = wording().forLocale("en");
    for (const v of [view, { ...view, top: [], ranked: 0, me: { ...view.me, joined: false, rank: null } }]) {
      const png = await renderLeaderboardCard(leaderboardCard(v, t));
      const meta = await sharp(png).metadata();
      expect([meta.format, meta.width]).toEqual(["png", PNL_CARD_WIDTH]);
    }
  });
});
