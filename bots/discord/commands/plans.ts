import { buyPlan } from "../../../core/billing/plisio/buy-plan.ts";
import { plansOnSale } from "../../../core/billing/plisio/plans-on-sale.ts";
import { buyButtonLabel, invoiceText, plansText } from "../../shared/wording/plans-text.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { customId, packId, unpackId } from "../kit/custom-id.ts";
import { button, type RowView } from "../kit/view.ts";

const NAME = "plans";
// Discord shows at most five buttons a row and five rows a message.
const PER_ROW = 5;
const MAX_BUTTONS = 25;

/**
 * /plans: the plans on sale with what they include, a "Buy" button each ("plans:buy:<plan>") when Plisio is
 * configured; a press creates the invoice and answers, privately, with its link.
 */
export const plansCommand: CommandModule = {
  name: NAME,
  place: "anywhere",
  description: "help-command-plans",

  async run(input, res, deps) {
    const { t } = input;
    const plans = await plansOnSale(deps);
    const user = await deps.db.user.findUnique({
      where: { id: input.userId },
      select: { planActiveUntil: true, plan: { select: { name: true } } },
    });
    const current =
      user?.plan && user.planActiveUntil && user.planActiveUntil > deps.clock.now()
        ? { plan: user.plan.name, until: user.planActiveUntil }
        : null;
    const paymentsOn = !!deps.payments;
    const buttons = paymentsOn
      ? plans.slice(0, MAX_BUTTONS).map((p) => button(customId(NAME, "buy", packId(p.id)), buyButtonLabel(p, t)))
      : [];
    const rows: RowView[] = [];
    for (let i = 0; i < buttons.length; i += PER_ROW) rows.push(buttons.slice(i, i + PER_ROW));
    await res.reply({
      embeds: [{ title: t("plans-title"), description: plansText(plans, current, paymentsOn, t), tone: "info" }],
      rows,
    });
  },

  async component(input, res, deps) {
    const planId = unpackId(input.args[0]);
    if (input.action !== "buy" || !planId) return void (await res.reply({ text: input.t("common-menu-expired") }));
    // Errors (payments off, Plisio down, a plan withdrawn) are answered by the router in the wording's words.
    const invoice = await buyPlan({ userId: input.userId, planId }, { ...deps, logger: input.log });
    input.log.info({ planId, paymentId: invoice.paymentId }, "plan invoice");
    await res.reply({ text: invoiceText(invoice, input.t) });
  },
};
