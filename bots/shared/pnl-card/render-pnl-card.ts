import satori from "satori";
import sharp from "sharp";
import { type Decimal, type DecimalLike, dec } from "../../../core/platform/decimal.ts";
import { PNL_WINDOWS, type PnlSummary } from "../../../core/portfolio/pnl-summary.ts";
import { type Fitted, fitAmount, fitAmounts } from "./fit-text.ts";
import { loadFonts } from "./load-fonts.ts";

export type CardNode = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const h = (type: string, style: Record<string, unknown>, children?: unknown): CardNode => ({
  type,
  props: { style: { display: "flex", ...style }, children },
});
/** One line of text that never grows its box: what does not fit ends in an ellipsis. */
const line = (style: Record<string, unknown>, text: string) =>
  h("div", { minWidth: 0, overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis", ...style }, text);

/** The card's width in px, and the solid colour of its background: its outer margin is only this colour. */
export const PNL_CARD_WIDTH = 800;
export const PNL_CARD_BACKGROUND = "#0f131c";
/** The empty frame around the panel, on every side. */
export const PNL_CARD_MARGIN = 24;
/** Strategies listed by name; the rest are counted in a "+N more" line. */
export const PNL_CARD_MAX_STRATEGIES = 5;

const GREEN = "#16c784";
const RED = "#ea3943";
const MUTED = "#8a94a6";
const TEXT = "#e8ecf3";
const CELL = "#1c2230";

const BORDER = 1;
const PADDING = 28;
/** The width the panel's content has, between its paddings. */
const CONTENT = PNL_CARD_WIDTH - 2 * (PNL_CARD_MARGIN + BORDER + PADDING);
const GAP = 12;
const CELL_PADDING = 16;
const ROW_HEIGHT = 36;

const tone = (d: Decimal | null) => (d === null ? MUTED : d.toDecimalPlaces(2).gte(0) ? GREEN : RED);
/** Decimals, or anything `dec` takes (a Prisma Decimal), or nothing: a missing value is drawn as a dash. */
const decimalOrNull = (v: unknown): Decimal | null => {
  if (v === null || v === undefined) return null;
  try {
    return dec(v as DecimalLike);
  } catch {
    return null;
  }
};

/** The /pnl card as an element tree for satori: what renderPnlCard draws. */
export function pnlCardTree(summary: PnlSummary, opts: { title?: string } = {}): CardNode {
  const all = Array.isArray(summary.byStrategy) ? summary.byStrategy : [];
  const shown = all.slice(0, PNL_CARD_MAX_STRATEGIES);
  const hidden = all.length - shown.length;
  const at = summary.at instanceof Date && !Number.isNaN(summary.at.getTime()) ? summary.at : null;
  const equity = decimalOrNull(summary.equity);
  const unrealised = decimalOrNull(summary.unrealised);
  const windows = PNL_WINDOWS.map((w) => ({ key: w.key, value: decimalOrNull(summary.realised?.[w.key]) }));

  const amount = (f: Fitted, style: Record<string, unknown>) =>
    line({ fontSize: f.fontSize, fontWeight: 700, flexShrink: 0, ...style }, f.text);
  const cellWidth = (CONTENT - (windows.length - 1) * GAP) / windows.length - 2 * CELL_PADDING;
  const cellAmounts = fitAmounts(
    windows.map((w) => w.value),
    { signed: true, fontSize: 30, minFontSize: 18, width: cellWidth },
  );
  const cell = (label: string, value: Decimal | null, fitted: Fitted) =>
    h(
      "div",
      {
        flexDirection: "column",
        flex: "1 1 0",
        minWidth: 0,
        padding: CELL_PADDING,
        backgroundColor: CELL,
        borderRadius: 12,
        overflow: "hidden",
      },
      [
        line({ fontSize: 18, color: MUTED }, label),
        h("div", { height: 38, alignItems: "center", marginTop: 4, minWidth: 0 }, [
          amount(fitted, { color: tone(value) }),
        ]),
      ],
    );

  const strategyAmountWidth = Math.floor(CONTENT * 0.42);
  const strategyValues = shown.map((s) => decimalOrNull(s?.realised));
  const strategyAmounts = fitAmounts(strategyValues, {
    signed: true,
    fontSize: 22,
    minFontSize: 16,
    width: strategyAmountWidth,
  });
  const strategyRow = (s: { name?: unknown }, i: number) => {
    const value = strategyValues[i]!;
    const name = typeof s?.name === "string" && s.name.trim() ? s.name.trim() : "Unnamed strategy";
    return h("div", { height: ROW_HEIGHT, alignItems: "center", borderTop: "1px solid #1f2636" }, [
      line({ flex: "1 1 0", fontSize: 22 }, name),
      amount(strategyAmounts[i]!, {
        color: tone(value),
        marginLeft: 16,
        maxWidth: strategyAmountWidth,
      }),
    ]);
  };

  const time = at ? `${at.toISOString().slice(0, 16).replace("T", " ")} UTC` : "";
  return h(
    "div",
    {
      flexDirection: "column",
      boxSizing: "border-box",
      width: PNL_CARD_WIDTH,
      padding: PNL_CARD_MARGIN,
      backgroundColor: PNL_CARD_BACKGROUND,
      color: TEXT,
      fontFamily: "Inter",
    },
    [
      h(
        "div",
        {
          flexDirection: "column",
          minWidth: 0,
          padding: PADDING,
          border: `${BORDER}px solid #222a3a`,
          borderRadius: 20,
          backgroundImage: "linear-gradient(160deg, #171d2b 0%, #111622 100%)",
          overflow: "hidden",
        },
        [
          h("div", { alignItems: "center", minWidth: 0 }, [
            line({ flex: "1 1 0", fontSize: 28, fontWeight: 700 }, opts.title ?? "Mimic PnL"),
            line({ flexShrink: 0, marginLeft: 16, fontSize: 16, color: MUTED }, time),
          ]),
          h("div", { flexDirection: "column", marginTop: 20, minWidth: 0 }, [
            line({ fontSize: 18, color: MUTED }, `Equity (${summary.quote ?? ""})`),
            h("div", { height: 60, alignItems: "center", minWidth: 0 }, [
              amount(fitAmount(equity, { signed: false, fontSize: 48, minFontSize: 24, width: CONTENT }), {}),
            ]),
            line(
              { fontSize: 18, color: tone(unrealised) },
              `Unrealised ${fitAmount(unrealised, { signed: true, fontSize: 18, minFontSize: 18, width: CONTENT - 100 }).text}`,
            ),
          ]),
          h(
            "div",
            { marginTop: 24, gap: GAP, minWidth: 0 },
            windows.map((w, i) => cell(`Realised ${w.key}`, w.value, cellAmounts[i]!)),
          ),
          h("div", { flexDirection: "column", marginTop: 24, minWidth: 0 }, [
            line({ fontSize: 18, color: MUTED, marginBottom: 8 }, "Realised 30d by strategy"),
            ...(shown.length ? shown.map(strategyRow) : [line({ fontSize: 20, color: MUTED }, "No closed trades yet")]),
            ...(hidden > 0
              ? [
                  line(
                    {
                      height: ROW_HEIGHT,
                      alignItems: "center",
                      fontSize: 18,
                      color: MUTED,
                      borderTop: "1px solid #1f2636",
                    },
                    `+${hidden} more ${hidden === 1 ? "strategy" : "strategies"}`,
                  ),
                ]
              : []),
          ]),
        ],
      ),
    ],
  );
}

/** The /pnl card as a PNG: satori lays out the tree to SVG (its height follows the content), sharp rasterises it. */
export async function renderPnlCard(summary: PnlSummary, opts: { title?: string } = {}): Promise<Buffer> {
  // satori takes React-like element objects; this plain tree has the same shape.
  const svg = await satori(pnlCardTree(summary, opts) as unknown as Parameters<typeof satori>[0], {
    width: PNL_CARD_WIDTH,
    fonts: await loadFonts(),
  });
  return sharp(Buffer.from(svg)).png().toBuffer();
}
