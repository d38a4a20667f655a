import QRCode from "qrcode";
import satori from "satori";
import sharp from "sharp";
import { loadFonts } from "../pnl-card/load-fonts.ts";
import { type CardNode, PNL_CARD_BACKGROUND, PNL_CARD_MARGIN, PNL_CARD_WIDTH } from "../pnl-card/render-pnl-card.ts";

/** Everything the banner shows, already worded in the user's language. */
export interface BannerCard {
  title: string;
  code: string;
  /** Under the code: "Use code … in Telegram or Discord". */
  invite: string;
  /** Encoded as a QR code and printed under it; null: no link is known (PUBLIC_URL and the bot name unset). */
  link: string | null;
  /** "Level: Gold". */
  level: string;
  /** "Best month: +12.34% (2026-11)", only for leaderboard members. */
  best: string | null;
}

const h = (type: string, style: Record<string, unknown>, children?: unknown): CardNode => ({
  type,
  props: { style: { display: "flex", ...style }, children },
});
const MUTED = "#8a94a6";
const TEXT = "#e8ecf3";
const ACCENT = "#f5c542";
const QR_SIZE = 220;

/** The /banner card as an element tree for satori (same frame and colours as the /pnl card). */
export function bannerTree(card: BannerCard, qrDataUrl: string | null): CardNode {
  const qr = qrDataUrl
    ? { type: "img", props: { src: qrDataUrl, width: QR_SIZE, height: QR_SIZE, style: { borderRadius: 12 } } }
    : null;
  const left = h("div", { flexDirection: "column", flex: "1 1 0", minWidth: 0, paddingRight: 24 }, [
    h("div", { fontSize: 26, fontWeight: 700 }, card.title),
    h("div", { fontSize: 64, fontWeight: 700, color: ACCENT, marginTop: 18, letterSpacing: 6 }, card.code),
    h("div", { fontSize: 18, color: MUTED, marginTop: 8 }, card.invite),
    h("div", { fontSize: 22, marginTop: 26 }, card.level),
    ...(card.best ? [h("div", { fontSize: 22, marginTop: 8, color: "#16c784" }, card.best)] : []),
    ...(card.link ? [h("div", { fontSize: 16, color: MUTED, marginTop: "auto", paddingTop: 18 }, card.link)] : []),
  ]);
  return h(
    "div",
    {
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
          flex: "1 1 0",
          padding: 28,
          border: "1px solid #222a3a",
          borderRadius: 20,
          backgroundImage: "linear-gradient(160deg, #171d2b 0%, #111622 100%)",
          alignItems: "stretch",
        },
        [left, ...(qr ? [h("div", { alignItems: "center", flexShrink: 0 }, [qr])] : [])],
      ),
    ],
  );
}

/** The banner as a PNG: the link's QR code (qrcode, as a data URL satori embeds), satori to SVG, sharp to PNG. */
export async function renderBanner(card: BannerCard): Promise<Buffer> {
  const qr = card.link
    ? await QRCode.toDataURL(card.link, { margin: 1, width: QR_SIZE, errorCorrectionLevel: "M" })
    : null;
  const svg = await satori(bannerTree(card, qr) as unknown as Parameters<typeof satori>[0], {
    width: PNL_CARD_WIDTH,
    fonts: await loadFonts(),
  });
  return sharp(Buffer.from(svg)).png().toBuffer();
}
