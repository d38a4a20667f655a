import { z } from "zod";
import { listSubscriptions, type SubscriptionView } from "../../../core/subscriptions/list-subscriptions.ts";
import { unsubscribe } from "../../../core/subscriptions/unsubscribe.ts";
import { accountName } from "../../shared/wording/format.ts";
import type { T } from "../../shared/wording/translator.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { customId, packId, unpackId } from "../kit/custom-id.ts";
import { parseOptions } from "../kit/options.ts";
import type { View } from "../kit/view.ts";
import { suggest } from "./pick.ts";

const NAME = "unsubscribe";
const options = z.object({ strategy: z.string().trim().max(100).optional() });

const label = (s: SubscriptionView, t: T) =>
  t("unsubscribe-button", { strategy: s.strategy.name, account: accountName(s.account) });

/** A select of the given subscriptions: choosing one ends it. */
const chooser = (subs: SubscriptionView[], t: T): View => ({
  text: t("unsubscribe-ask"),
  rows: [
    {
      type: "select",
      id: customId(NAME, "pick"),
      placeholder: t("discord-unsubscribe-placeholder"),
      options: subs.map((s) => ({ label: label(s, t), value: packId(s.id) })),
    },
  ],
});

/**
 * /unsubscribe [strategy]: ends a subscription (kept as "ended", its trades stay on record). The option takes
 * the autocomplete's subscription or a strategy's slug or name; left out, or followed on several accounts, a
 * select asks which.
 */
export const unsubscribeCommand: CommandModule = {
  name: NAME,
  place: "anywhere",
  description: "help-command-unsubscribe",
  build: (b, { text }) =>
    b.addStringOption((o) =>
      text.describe(o.setName("strategy").setAutocomplete(true), "discord-unsubscribe-option-strategy"),
    ),

  async run(input, res, deps) {
    const { t } = input;
    const { strategy } = parseOptions(options, input);
    const subs = await listSubscriptions({ userId: input.userId }, deps);
    if (subs.length === 0) return void (await res.reply({ text: t("unsubscribe-none") }));
    if (!strategy) return res.reply(chooser(subs, t));
    const wanted = strategy.toLowerCase();
    const matches = subs.filter(
      (s) => s.id === strategy || s.strategy.slug.toLowerCase() === wanted || s.strategy.name.toLowerCase() === wanted,
    );
    if (matches.length === 0) return void (await res.reply({ text: t("discord-unsubscribe-unknown", { strategy }) }));
    if (matches.length > 1) return res.reply(chooser(matches, t));
    const [sub] = matches as [SubscriptionView];
    await unsubscribe({ userId: input.userId, subscriptionId: sub.id }, deps);
    input.log.info({ subscriptionId: sub.id }, "unsubscribed");
    await res.reply({ text: t("unsubscribe-done") });
  },

  async autocomplete(input, deps) {
    const subs = await listSubscriptions({ userId: input.userId }, deps);
    return suggest(subs, input.focused.value, (s) => `${label(s, input.t)} ${s.strategy.slug}`).map((s) => ({
      name: label(s, input.t),
      value: s.id,
    }));
  },

  async component(input, res, deps) {
    const subscriptionId = unpackId(input.values[0]);
    if (input.action !== "pick" || !subscriptionId)
      return void (await res.update({ text: input.t("common-menu-expired") }));
    await unsubscribe({ userId: input.userId, subscriptionId }, deps);
    input.log.info({ subscriptionId }, "unsubscribed");
    await res.update({ text: input.t("unsubscribe-done") });
  },
};
