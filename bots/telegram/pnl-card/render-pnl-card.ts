import satori from "satori";
import sharp from "sharp";
import type { Decimal } from "../../../core/platform/decimal.ts";
import { PNL_WINDOWS, type PnlSummary } from "../../../core/portfolio/pnl-summary.ts";
import { loadFonts } from "./load-fonts.ts";

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const h = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({
  type,
  props: { style: { display: "flex", ...style }, children },
});

const GREEN = "#16c784";
const RED = "#ea3943";
const signed = (d: Decimal) => `${d.gte(0) ? "+" : ""}${d.toFixed(2)}`;
const tone = (d: Decimal) => (d.gte(0) ? GREEN : RED);

const WIDTH = 800;

/** The /pnl card as a PNG: satori lays out the tree to SVG, sharp rasterises it. */
export async function renderPnlCard(summary: PnlSummary, opts: { title?: string } = {}): Promise<Buffer> {
  const strategies = summary.byStrategy.slice(0, 5);
  const height = 420 + strategies.length * 36;
  const cell = (label: string, value: Decimal) =>
    h(
      "div",
      { flexDirection: "column", flex: 1, padding: 16, backgroundColor: "#1c2230", borderRadius: 12, marginRight: 12 },
      [
        h("div", { fontSize: 18, color: "#8a94a6" }, label),
        h("div", { fontSize: 30, fontWeight: 700, color: tone(value), marginTop: 6 }, signed(value)),
      ],
    );
  const tree = h(
    "div",
    {
      flexDirection: "column",
      width: WIDTH,
      height,
      padding: 36,
      backgroundColor: "#0f131c",
      color: "#e8ecf3",
      fontFamily: "Inter",
    },
    [
      h("div", { justifyContent: "space-between", alignItems: "baseline" }, [
        h("div", { fontSize: 28, fontWeight: 700 }, opts.title ?? "Mimic PnL"),
        h("div", { fontSize: 16, color: "#8a94a6" }, `${summary.at.toISOString().slice(0, 16).replace("T", " ")} UTC`),
      ]),
      h("div", { flexDirection: "column", marginTop: 24 }, [
        h("div", { fontSize: 18, color: "#8a94a6" }, `Equity (${summary.quote})`),
        h("div", { fontSize: 48, fontWeight: 700 }, summary.equity.toFixed(2)),
        h(
          "div",
          { fontSize: 18, color: tone(summary.unrealised), marginTop: 4 },
          `Unrealised ${signed(summary.unrealised)}`,
        ),
      ]),
      h(
        "div",
        { marginTop: 24 },
        PNL_WINDOWS.map((w) => cell(`Realised ${w.key}`, summary.realised[w.key])),
      ),
      h("div", { flexDirection: "column", marginTop: 24 }, [
        h("div", { fontSize: 18, color: "#8a94a6", marginBottom: 8 }, "Realised 30d by strategy"),
        ...(strategies.length
          ? strategies.map((s) =>
              h("div", { justifyContent: "space-between", fontSize: 22, height: 36 }, [
                h("div", {}, s.name),
                h("div", { color: tone(s.realised) }, signed(s.realised)),
              ]),
            )
          : [h("div", { fontSize: 20, color: "#8a94a6" }, "No closed trades yet")]),
      ]),
    ],
  );
  // satori takes React-like element objects; this plain tree has the same shape.
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], {
    width: WIDTH,
    height,
    fonts: await loadFonts(),
  });
  return sharp(Buffer.from(svg)).png().toBuffer();
}
