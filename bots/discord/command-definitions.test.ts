import { ComponentType, InteractionContextType } from "discord.js";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../shared/wording/translator.ts";
import { commandDefinitions } from "./command-definitions.ts";
import { customId, packId, parseCustomId, unpackId } from "./kit/custom-id.ts";
import { renderMessage, renderModal } from "./kit/render-view.ts";
import { commands } from "./registry.ts";

describe("slash command definitions", () => {
  const defs = commandDefinitions(commands, { translator: createTranslator(), linkableExchanges: ["paper"] });

  const FOLLOWER = [
    "help",
    "link",
    "accounts",
    "strategies",
    "plans",
    "subscribe",
    "unsubscribe",
    "settings",
    "positions",
    "balance",
    "pnl",
    "me",
    "achievements",
    "leaderboard",
    "tournament",
    "vote",
    "propose",
    "2fa",
    "panic",
    "connect",
    "referral",
    "payout",
    "banner",
    "ask",
  ];
  const follower = defs.filter((d) => FOLLOWER.includes(d.name));

  it("hold every follower command, usable in servers and DMs, described in English and Spanish", () => {
    expect(follower.map((d) => d.name)).toEqual(FOLLOWER);
    for (const d of follower) {
      expect(d.contexts).toEqual([InteractionContextType.Guild, InteractionContextType.BotDM]);
      expect(d.description.length).toBeGreaterThan(0);
      expect(d.description_localizations?.["es-ES"]).toBeTruthy();
      expect(d.description_localizations?.["es-419"]).toBe(d.description_localizations?.["es-ES"]);
    }
  });

  it("take secrets only in forms: these are every follower option", () => {
    const names = follower.flatMap((d) => (d.options ?? []).map((o) => `${d.name}.${o.name}`));
    expect(names).toEqual([
      "link.exchange",
      "subscribe.strategy",
      "subscribe.sizing",
      "subscribe.value",
      "subscribe.account",
      "subscribe.max_leverage",
      "unsubscribe.strategy",
      // Subcommands: the nickname is the only text, checked by core.
      "leaderboard.show",
      "leaderboard.join",
      "leaderboard.leave",
      "tournament.show",
      "tournament.join",
      "2fa.action",
      "connect.code",
      // A referral code and a public payout address: nothing secret.
      "referral.show",
      "referral.use",
      "payout.address",
      "payout.network",
      // A question in the follower's words: core redacts anything key-like before it is stored or sent on.
      "ask.question",
    ]);
  });
});

describe("views and custom ids", () => {
  it("packs two ids and a mode into one custom id", () => {
    const a = "0b5f8c1e-8f0a-4c1e-9d2b-6f1e2d3c4b5a";
    const id = customId("subscribe", "value", packId(a), packId(a), "multiplier", "125");
    expect(id.length).toBeLessThanOrEqual(100);
    const parsed = parseCustomId(id);
    expect([parsed.command, parsed.action, unpackId(parsed.args[0])]).toEqual(["subscribe", "value", a]);
    expect(unpackId("not-an-id")).toBeNull();
  });

  it("keeps within Discord's limits and never pings", () => {
    const long = "x".repeat(5000);
    const payload = renderMessage({
      text: long,
      embeds: [{ description: long }],
      rows: [
        { type: "select", id: "a:b", options: Array.from({ length: 40 }, (_, i) => ({ label: long, value: `${i}` })) },
      ],
    });
    expect(payload.content?.length).toBe(2000);
    expect(payload.embeds?.[0]?.description?.length).toBe(4096);
    const select = payload.components?.[0]?.components[0];
    expect(select?.type === ComponentType.StringSelect && select.options.length).toBe(25);
    expect(payload.allowedMentions).toEqual({ parse: [] });
    expect(renderMessage({ text: "x" }, "replace")).toMatchObject({ embeds: [], components: [], attachments: [] });
  });

  it("renders a form as labelled text inputs", () => {
    const modal = renderModal({
      id: "link:keys:okx",
      title: "A title far longer than the forty-five characters Discord allows",
      fields: [{ id: "secret", label: "API secret", hint: "whole PEM", style: "paragraph", maxLength: 4000 }],
    }).toJSON();
    expect(modal.title.length).toBe(45);
    expect(modal.components[0]).toMatchObject({
      type: ComponentType.Label,
      label: "API secret",
      description: "whole PEM",
      component: { type: ComponentType.TextInput, custom_id: "secret", style: 2, required: true, max_length: 4000 },
    });
  });
});
