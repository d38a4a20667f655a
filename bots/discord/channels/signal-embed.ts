import type { APIEmbed } from "discord.js";
import type { PendingSignalPost, PostedLevel } from "../../../core/channels/pending-signal-posts.ts";
import type { T } from "../../shared/wording/translator.ts";
import { renderMessage } from "../kit/render-view.ts";
import type { EmbedTone, EmbedView } from "../kit/view.ts";

const TONE: Record<PendingSignalPost["action"], EmbedTone> = { long: "success", short: "danger", close: "info" };

/**
 * A signal as a publish channel shows it: symbol, side, reference price, SL, TP, leverage (entries only: a close
 * has no levels of its own), signal id and time, in the guild's language. Decimals are shown as recorded.
 */
export function signalEmbedView(post: PendingSignalPost, t: T): EmbedView {
  const { action } = post;
  const madeAt = signalTime(post);
  const unix = Math.floor(madeAt.getTime() / 1000);
  const level = (l: PostedLevel | null) =>
    l === null ? t("channels-post-none") : "price" in l ? l.price : t("channels-post-level-perc", { perc: l.perc });
  const fields: NonNullable<EmbedView["fields"]> = [
    { name: t("channels-post-symbol"), value: post.symbol, inline: true },
    { name: t("channels-post-side"), value: t("channels-post-side-value", { action }), inline: true },
    { name: t("channels-post-price"), value: post.price ?? t("channels-post-price-market"), inline: true },
  ];
  if (action !== "close") {
    fields.push(
      { name: t("channels-post-stop-loss"), value: level(post.stopLoss), inline: true },
      post.takeProfits
        ? { name: t("channels-post-targets"), value: targetLines(post.takeProfits, t), inline: false }
        : { name: t("channels-post-take-profit"), value: level(post.takeProfit), inline: true },
      {
        name: t("channels-post-leverage"),
        value:
          post.leverage === null
            ? t("channels-post-leverage-none")
            : t("channels-post-leverage-value", { leverage: String(post.leverage) }),
        inline: true,
      },
    );
  }
  if (action !== "close") fields.push(...planFields(post, t));
  fields.push(
    { name: t("channels-post-id"), value: `\`${post.displayId}\``, inline: true },
    // Discord shows <t:…> in each reader's own time zone.
    { name: t("channels-post-time"), value: `<t:${unix}:d> <t:${unix}:T>`, inline: true },
  );
  return {
    title: t("channels-post-title", { action, symbol: post.symbol }),
    description: t("channels-post-strategy", { strategy: post.strategy.name, slug: post.strategy.slug }),
    tone: TONE[action],
    fields,
    footer: t("channels-post-footer", { slug: post.strategy.slug }),
  };
}

/** "1. +1 % (50 %)", "2. 68000 (30 %)": one line per target, nearest as the provider listed it. */
function targetLines(targets: NonNullable<PendingSignalPost["takeProfits"]>, t: T): string {
  return targets
    .map((target, i) =>
      t("channels-post-target-line", {
        n: i + 1,
        level: "price" in target ? target.price : t("channels-post-level-perc", { perc: target.perc }),
        size: target.sizePerc,
      }),
    )
    .join("\n");
}

/** The rest of a Cornix-style plan, each only when the provider gave it: zone, DCA, trailing stop, slippage cap. */
function planFields(post: PendingSignalPost, t: T): NonNullable<EmbedView["fields"]> {
  const fields: NonNullable<EmbedView["fields"]> = [];
  if (post.entries) {
    const list = post.entries.map((e) => t("channels-post-entry", { price: e.price, size: e.sizePerc })).join("\n");
    const minutes = Math.round((post.entryExpirySec ?? 3600) / 60);
    fields.push({ name: t("channels-post-entries", { minutes }), value: list, inline: false });
  }
  if (post.dca) {
    const { orders, stepPerc, volumeScale } = post.dca;
    fields.push({
      name: t("channels-post-dca"),
      value: t("channels-post-dca-value", { orders, step: stepPerc, scale: volumeScale }),
      inline: true,
    });
  }
  if (post.trailing) {
    const { mode, distancePerc, activationPerc } = post.trailing;
    const value = t("channels-post-trailing-value", {
      mode,
      distance: distancePerc ?? "",
      activation: activationPerc ?? "none",
    });
    fields.push({ name: t("channels-post-trailing"), value, inline: true });
  }
  if (post.maxSlippagePerc) {
    fields.push({ name: t("channels-post-slippage"), value: `${post.maxSlippagePerc} %`, inline: true });
  }
  return fields;
}

/** When the signal was made: the provider's own time when it is earlier than our receipt (as its age counts). */
export function signalTime(post: Pick<PendingSignalPost, "receivedAt" | "sentAt">): Date {
  return post.sentAt && post.sentAt < post.receivedAt ? post.sentAt : post.receivedAt;
}

/**
 * The POST /channels/{id}/messages body: the embed (through the shared renderer, which keeps Discord's limits)
 * with its timestamp, and the nonce that makes a retried post one message.
 */
export function signalPostBody(post: PendingSignalPost, t: T, nonce: string) {
  const { embeds = [] } = renderMessage({ embeds: [signalEmbedView(post, t)] });
  const stamped: APIEmbed[] = embeds.map((e) => ({ ...e, timestamp: signalTime(post).toISOString() }));
  return {
    embeds: stamped,
    nonce,
    enforce_nonce: true,
    // A strategy's name pings nobody.
    allowed_mentions: { parse: [] },
  };
}
