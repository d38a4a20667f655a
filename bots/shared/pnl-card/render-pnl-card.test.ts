import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { dec } from "../../../core/platform/decimal.ts";
import type { PnlSummary } from "../../../core/portfolio/pnl-summary.ts";
import { fitAmount, formatAmount, formatCompact } from "./fit-text.ts";
import { type CardNode, PNL_CARD_BACKGROUND, PNL_CARD_WIDTH, pnlCardTree, renderPnlCard } from "./render-pnl-card.ts";

const MARGIN = 24;
const at = new Date("2025-03-14T09:26:00Z");

const longSummary: PnlSummary = {
  quote: "USDT",
  equity: dec("123456.78"),
  unrealised: dec("-23456.78"),
  realised: { "24h": dec("-123456.78"), "7d": dec("234567.89"), "30d": dec("-987654.32") },
  byStrategy: [
    { name: "BTC momentum breakout with trailing stop and volatility filt", realised: dec("1234567.89") },
    { name: "ETH mean reversion on 4h candles across several exchanges v3", realised: dec("-123456.78") },
    { name: "SOL funding-rate arbitrage between perpetual and spot books", realised: dec("-9876543.21") },
  ],
  unreadable: 0,
  at,
};

const shortSummary: PnlSummary = {
  quote: "USDT",
  equity: dec("1520.4"),
  unrealised: dec("12.5"),
  realised: { "24h": dec("3.2"), "7d": dec("-14.75"), "30d": dec("88") },
  byStrategy: [{ name: "Grid", realised: dec("88") }],
  unreadable: 0,
  at,
};

/** Decodes the PNG and lists the pixels of its outer MARGIN px frame that are not the background colour. */
async function frameOffenders(png: Buffer) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const hex = PNL_CARD_BACKGROUND.replace("#", "");
  const bg = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  if (info.channels === 4) bg.push(255);
  const offenders: { x: number; y: number; px: number[] }[] = [];
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const inFrame = x < MARGIN || y < MARGIN || x >= info.width - MARGIN || y >= info.height - MARGIN;
      if (!inFrame) continue;
      const at = (y * info.width + x) * info.channels;
      const px = [...data.subarray(at, at + info.channels)];
      if (px.some((v, i) => v !== bg[i])) offenders.push({ x, y, px });
    }
  }
  return { info, offenders };
}

const describeOffenders = (offenders: { x: number; y: number; px: number[] }[]) =>
  offenders.length
    ? `${offenders.length} non-background pixels in the frame, x ${Math.min(...offenders.map((o) => o.x))}..${Math.max(
        ...offenders.map((o) => o.x),
      )}, y ${Math.min(...offenders.map((o) => o.y))}..${Math.max(...offenders.map((o) => o.y))}, first ${JSON.stringify(
        offenders.slice(0, 3),
      )}`
    : "clean";

describe("renderPnlCard", () => {
  it("keeps long values (6-digit equity, long names and amounts, the time) inside its 24 px margin", async () => {
    const { info, offenders } = await frameOffenders(await renderPnlCard(longSummary));
    expect(info.width).toBe(PNL_CARD_WIDTH);
    expect(describeOffenders(offenders)).toBe("clean");
  });

  it("keeps 7-digit equity, 9-digit amounts and many 60-character strategy names inside the margin", async () => {
    const summary: PnlSummary = {
      ...longSummary,
      equity: dec("9876543.21"),
      unrealised: dec("-1234567.89"),
      realised: { "24h": dec("-1234567.89"), "7d": dec("98765432.10"), "30d": dec("-987654321.98") },
      byStrategy: Array.from({ length: 8 }, (_, i) => ({
        name: `Strategy ${i + 1} `.padEnd(60, "W"),
        realised: dec(i % 2 ? "-98765432.10" : "12345.6"),
      })),
    };
    const { info, offenders } = await frameOffenders(await renderPnlCard(summary));
    expect(info.width).toBe(PNL_CARD_WIDTH);
    expect(describeOffenders(offenders)).toBe("clean");
  });

  it("renders an ordinary short summary inside the margin", async () => {
    const { info, offenders } = await frameOffenders(await renderPnlCard(shortSummary));
    expect(info.width).toBe(PNL_CARD_WIDTH);
    expect(describeOffenders(offenders)).toBe("clean");
  });

  it("stays inside the margin with extreme and missing values, a long title and future fields", async () => {
    const summary = {
      ...longSummary,
      quote: "USDT-MARGINED-PERPETUAL-SETTLEMENT-CURRENCY-WITH-A-LONG-NAME",
      equity: dec("-123456789012345678.9"),
      unrealised: dec("98765432109876543.21"),
      realised: { "24h": dec("-9876543210987654.32"), "7d": dec("0.001") } as PnlSummary["realised"],
      byStrategy: [
        { name: "W".repeat(60), realised: dec("-99999999999999999999.99") },
        { name: "", realised: dec("-0.004") },
      ],
      fees: dec("12.5"),
    } as PnlSummary;
    const { info, offenders } = await frameOffenders(
      await renderPnlCard(summary, { title: "A very long card title that would push the time off the card edge" }),
    );
    expect(info.width).toBe(PNL_CARD_WIDTH);
    expect(describeOffenders(offenders)).toBe("clean");
  });

  it("lists at most 5 strategies and counts the rest", () => {
    const strategies = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `S${i + 1}`, realised: dec(100 - i) }));
    const eight = texts(pnlCardTree({ ...shortSummary, byStrategy: strategies(8) }));
    expect(eight).toContain("S5");
    expect(eight).not.toContain("S6");
    expect(eight).toContain("+3 more strategies");
    const six = texts(pnlCardTree({ ...shortSummary, byStrategy: strategies(6) }));
    expect(six).toContain("+1 more strategy");
    const five = texts(pnlCardTree({ ...shortSummary, byStrategy: strategies(5) }));
    expect(five).toContain("S5");
    expect(five.some((t) => t.includes("more"))).toBe(false);
  });

  it("shows the time, and long names as one line that ends in an ellipsis", () => {
    const tree = pnlCardTree(longSummary);
    expect(texts(tree)).toContain("2025-03-14 09:26 UTC");
    const name = find(tree, longSummary.byStrategy[0]!.name);
    expect(name?.props.style).toMatchObject({
      overflow: "hidden",
      whiteSpace: "nowrap",
      textOverflow: "ellipsis",
      minWidth: 0,
    });
  });
});

describe("fit-text", () => {
  it("groups thousands and signs amounts", () => {
    expect(formatAmount(dec("9876543.21"))).toBe("9,876,543.21");
    expect(formatAmount(dec("-123456.78"), true)).toBe("\u2212123,456.78");
    expect(formatAmount(dec("88"), true)).toBe("+88.00");
    expect(formatAmount(dec("-0.004"), true)).toBe("+0.00");
    expect(formatAmount(dec("999.999"))).toBe("1,000.00");
    expect(formatCompact(dec("-1234567.89"), true)).toBe("\u22121.23M");
    expect(formatCompact(dec("12.3"))).toBe("12.30");
  });

  it("shrinks long amounts to fit, then shortens them", () => {
    expect(fitAmount(dec("3.2"), { signed: true, fontSize: 30, minFontSize: 16, width: 190 })).toEqual({
      text: "+3.20",
      fontSize: 30,
    });
    const shrunk = fitAmount(dec("-987654321.98"), { signed: true, fontSize: 30, minFontSize: 16, width: 190 });
    expect(shrunk.text).toBe("\u2212987,654,321.98");
    expect(shrunk.fontSize).toBeLessThan(30);
    expect(shrunk.fontSize).toBeGreaterThanOrEqual(16);
    expect(
      fitAmount(dec("-9876543210987654.32"), { signed: true, fontSize: 30, minFontSize: 16, width: 190 }).text,
    ).toBe("\u22129,876.54T");
    expect(fitAmount(null, { signed: true, fontSize: 30, minFontSize: 16, width: 190 }).text).toBe("—");
  });
});

function texts(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === "object" && "props" in node) return texts((node as CardNode).props.children);
  return [];
}

function find(node: unknown, text: string): CardNode | undefined {
  if (Array.isArray(node)) return node.map((n) => find(n, text)).find(Boolean);
  if (!node || typeof node !== "object" || !("props" in node)) return undefined;
  const n = node as CardNode;
  return n.props.children === text ? n : find(n.props.children, text);
}
