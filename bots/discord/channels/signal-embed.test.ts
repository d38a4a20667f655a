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
  takeProfits: null,
  trailing: null,
  entries: null,
  entryExpirySec: null,
  dca: null,
  maxSlippagePerc: null,
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

  it("shows a Cornix-style plan: the zone and its expiry, each target with its share, trailing, DCA, the cap", () => {
    const view = signalEmbedView(
      post({
        takeProfits: [
          { perc: "1", sizePerc: "50" },
          { price: "66000", sizePerc: "50" },
        ],
        entries: [
          { price: "62000", sizePerc: "60" },
          { price: "61500", sizePerc: "40" },
        ],
        entryExpirySec: 1800,
        trailing: { mode: "percent", distancePerc: "1", activationPerc: "2" },
        maxSlippagePerc: "0.4",
      }),
      en,
    );
    const fields = Object.fromEntries(fieldsOf(view) ?? []);
    expect(fields["Take-profit targets"]).toBe("1. 1 % from entry (50 %)\n2. 66000 (50 %)");
    expect(fields["Take-profit"]).toBeUndefined();
    expect(fields["Entry zone (for 30 min)"]).toBe("62000 (60 %)\n61500 (40 %)");
    expect(fields["Trailing stop"]).toBe("1 % behind the best price, from +2 %");
    expect(fields["Slippage cap"]).toBe("0.4 %");
    const dca = signalEmbedView(
      post({ dca: { orders: 3, stepPerc: "2", volumeScale: "1.5" }, trailing: { mode: "breakeven" } }),
      en,
    );
    const more = Object.fromEntries(fieldsOf(dca) ?? []);
    expect(more.DCA).toBe("3 orders, every 2 % against, × 1.5 each");
    expect(more["Trailing stop"]).toBe("to the entry after the first target");
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
