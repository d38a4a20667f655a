import { describe, expect, it } from "vitest";
import type { PendingSignalPost } from "../../../core/channels/pending-signal-posts.ts";
import { createTranslator } from "../../shared/wording/translator.ts";
import { signalEmbedView, signalPostBody } from "./signal-embed.ts";

const translator = createTranslator();
const en = translator.forLocale("en-US");
const receivedAt = new Date("2026-12-06T21:52:53.400Z");

const post = (extra: Partial<PendingSignalPost> = {}): PendingSignalPost => ({
  signalId: "7d4b6c1e-0000-4000-8000-000000000001",
  channelId: "400000000000000001",
  guildId: "300000000000000001",
  strategy: { id: "s1", slug: "btc-momentum", name: "BTC momentum" },
  symbol: "BTC/USDT:USDT",
  rawSymbol: "BINANCE:BTCUSDT.P",
  action: "long",
  price: "62000",
  stopLoss: { price: "61000" },
  takeProfit: { perc: "3" },
  leverage: 5,
  qty: "0.01",
  displayId: "tc-42",
  receivedAt,
  sentAt: new Date("2026-12-06T21:52:51Z"),
  ...extra,
});

const fieldsOf = (view: ReturnType<typeof signalEmbedView>) => view.fields?.map((f) => [f.name, f.value]);

describe("a signal's embed in a publish channel", () => {
  it("shows symbol, side, reference price, SL, TP, leverage, signal id and time", () => {
    const view = signalEmbedView(post(), en);
    expect(view).toMatchObject({
      title: "🟢 Long BTC/USDT:USDT",
      description: "Signal of BTC momentum (`btc-momentum`)",
      tone: "success",
      footer: "Copy it with /subscribe strategy:btc-momentum",
    });
    // The provider's own time (earlier than our receipt), shown in each reader's time zone.
    const unix = Date.parse("2026-12-06T21:52:51Z") / 1000;
    expect(fieldsOf(view)).toEqual([
      ["Symbol", "BTC/USDT:USDT"],
      ["Side", "Long (BUY)"],
      ["Reference price", "62000"],
      ["Stop-loss", "61000"],
      ["Take-profit", "3 % from entry"],
      ["Leverage", "5x"],
      ["Signal id", "`tc-42`"],
      ["Time", `<t:${unix}:d> <t:${unix}:T>`],
    ]);
  });

  it("says what is missing, and leaves levels off a close", () => {
    const open = signalEmbedView(post({ action: "short", price: null, stopLoss: null, leverage: null }), en);
    expect(open.title).toBe("🔴 Short BTC/USDT:USDT");
    expect(fieldsOf(open)?.slice(1, 6)).toEqual([
      ["Side", "Short (SELL)"],
      ["Reference price", "market"],
      ["Stop-loss", "none"],
      ["Take-profit", "3 % from entry"],
      ["Leverage", "the follower's own"],
    ]);
    const close = signalEmbedView(post({ action: "close", sentAt: null }), en);
    expect(close.tone).toBe("info");
    expect(close.fields?.map((f) => f.name)).toEqual(["Symbol", "Side", "Reference price", "Signal id", "Time"]);
  });

  it("speaks the guild's language", () => {
    const view = signalEmbedView(post(), translator.forLocale("es-ES"));
    expect(view.title).toBe("🟢 Largo BTC/USDT:USDT");
    expect(fieldsOf(view)?.[4]).toEqual(["Take-profit", "3 % desde la entrada"]);
  });

  it("is posted with its timestamp, a nonce Discord enforces, and no mentions", () => {
    const body = signalPostBody(post({ sentAt: null }), en, "n".repeat(25));
    expect(body).toMatchObject({ nonce: "n".repeat(25), enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(body.embeds).toHaveLength(1);
    expect(body.embeds[0]).toMatchObject({ title: "🟢 Long BTC/USDT:USDT", timestamp: receivedAt.toISOString() });
    expect(body.embeds[0]?.fields).toHaveLength(8);
    expect(body.embeds[0]?.fields?.every((f) => f.inline)).toBe(true);
  });
});
