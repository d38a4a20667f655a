import satori from "satori";
import sharp from "sharp";
import { loadFonts } from "../pnl-card/load-fonts.ts";
import { PNL_CARD_BACKGROUND, PNL_CARD_MARGIN, PNL_CARD_WIDTH } from "../pnl-card/render-pnl-card.ts";

/** One ranked line of the card, already worded: the card draws, it does not decide what to say. */
export interface LeaderboardCardRow {
  rank: number;
  name: string;
  /** Return on equity as a signed percent, e.g. "+12.34%". */
  roe: string;
  /** "12 trades". */
  detail: string;
  positive: boolean;
  /** The asker's own line, highlighted. */
  mine?: boolean;
}

/** Everything the card shows, in the asker's language (the bots word it; core has the data). */
export interface LeaderboardCard {
  title: string;
  subtitle: string;
  rows: LeaderboardCardRow[];
  /** Shown when nobody is ranked. */
  empty: string;
  /** The asker's standing: their rank line, or why they are not ranked. */
  footer: string;
  at: Date;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const h = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({
  type,
  props: { style: { display: "flex", ...style }, children },
});
const line = (style: Record<string, unknown>, text: string) =>
  h("div", { minWidth: 0, overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis", ...style }, text);

const GREEN = "#16c784";
const RED = "#ea3943";
const MUTED = "#8a94a6";
const TEXT = "#e8ecf3";
const MEDALS = ["#f5c542", "#c0c7d1", "#cd7f32"];

/** The /leaderboard card as an element tree for satori (same frame and colours as the /pnl card). */
export function leaderboardCardTree(card: LeaderboardCard): Node {
  const row = (r: LeaderboardCardRow) =>
    h(
      "div",
      {
        height: 40,
        alignItems: "center",
        borderTop: "1px solid #1f2636",
        backgroundColor: r.mine ? "#1c2640" : "transparent",
        paddingLeft: 8,
        paddingRight: 8,
      },
      [
        line(
          { width: 56, flexShrink: 0, fontSize: 22, fontWeight: 700, color: MEDALS[r.rank - 1] ?? MUTED },
          `#${r.rank}`,
        ),
        line({ flex: "1 1 0", fontSize: 22, fontWeight: r.mine ? 700 : 400 }, r.name),
        line({ width: 120, flexShrink: 0, fontSize: 16, color: MUTED, justifyContent: "flex-end" }, r.detail),
        line(
          {
            width: 150,
            flexShrink: 0,
            fontSize: 22,
            fontWeight: 700,
            color: r.positive ? GREEN : RED,
            justifyContent: "flex-end",
          },
          r.roe,
        ),
      ],
    );
  const time = `${card.at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
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
          padding: 28,
          border: "1px solid #222a3a",
          borderRadius: 20,
          backgroundImage: "linear-gradient(160deg, #171d2b 0%, #111622 100%)",
          overflow: "hidden",
        },
        [
          h("div", { alignItems: "center", minWidth: 0 }, [
            line({ flex: "1 1 0", fontSize: 28, fontWeight: 700 }, card.title),
            line({ flexShrink: 0, marginLeft: 16, fontSize: 16, color: MUTED }, time),
          ]),
          line({ fontSize: 18, color: MUTED, marginTop: 6, marginBottom: 16 }, card.subtitle),
          ...(card.rows.length ? card.rows.map(row) : [line({ fontSize: 20, color: MUTED, height: 40 }, card.empty)]),
          line(
            { fontSize: 20, marginTop: 16, paddingTop: 12, borderTop: "1px solid #2a3347", color: TEXT },
            card.footer,
          ),
        ],
      ),
    ],
  );
}

/** The card as a PNG (satori to SVG, sharp to PNG), like the /pnl card. */
export async function renderLeaderboardCard(card: LeaderboardCard): Promise<Buffer> {
  const svg = await satori(leaderboardCardTree(card) as unknown as Parameters<typeof satori>[0], {
    width: PNL_CARD_WIDTH,
    fonts: await loadFonts(),
  });
  return sharp(Buffer.from(svg)).png().toBuffer();
}
