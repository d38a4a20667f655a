import type { PanicReport } from "../../../core/panic/panic-close-all.ts";
import { panicCloseAll } from "../../../core/panic/panic-close-all.ts";
import { twoFactorState } from "../../../core/security/two-factor.ts";
import { accountName } from "../../shared/wording/format.ts";
import type { T } from "../../shared/wording/translator.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { customId } from "../kit/custom-id.ts";
import type { EmbedView } from "../kit/view.ts";
import { codeForm } from "./two-factor.ts";

const NAME = "panic";

/**
 * /panic: a form asks for a current TOTP code (the form is the confirmation: its text says what happens); with
 * it, every subscription is paused, every open order cancelled and every position closed on every account
 * (panicCloseAll). Wrong codes count towards the lockout shared with Telegram; every panic is audited by core.
 */
export const panicCommand: CommandModule = {
  name: NAME,
  place: "anywhere",
  description: "help-command-panic",

  async run(input, res, deps) {
    const { t } = input;
    if ((await twoFactorState({ userId: input.userId }, deps)) !== "on") {
      return void (await res.reply({ text: t("panic-needs-2fa") }));
    }
    await res.showModal(
      codeForm(customId(NAME, "code"), t("panic-form-title"), input, t("discord-panic-form-warning")),
    );
  },

  async modal(input, res, deps) {
    if (input.action !== "code") return void (await res.reply({ text: input.t("common-menu-expired") }));
    // Closing every position on every exchange takes longer than Discord's 3 s.
    await res.defer();
    const report = await panicCloseAll({ userId: input.userId, code: input.fields.code ?? "" }, deps);
    await res.reply(panicView(report, input.t));
  },
};

function panicView(report: PanicReport, t: T): { text: string; embeds: EmbedView[] } {
  const embeds = report.accounts.map((a): EmbedView => {
    const lines: string[] = [];
    for (const c of a.closed) {
      const args = { symbol: c.symbol, side: c.side, amount: c.amount.toString() };
      lines.push(c.price ? t("panic-closed-at", { ...args, price: c.price.toString() }) : t("panic-closed", args));
    }
    if (!a.closed.length) lines.push(t("panic-no-positions"));
    if (a.canceledIn.length) lines.push(t("panic-orders-cancelled", { symbols: a.canceledIn.join(", ") }));
    for (const e of a.errors) {
      lines.push(
        e.symbol
          ? t("panic-failed-symbol", { symbol: e.symbol, error: e.message })
          : t("panic-failed", { error: e.message }),
      );
    }
    return {
      title: accountName(a.account),
      description: lines.join("\n"),
      tone: a.errors.length ? "danger" : "success",
    };
  });
  const done = t("panic-done", { paused: report.pausedSubscriptions });
  return { text: embeds.length ? done : `${done}\n\n${t("panic-no-accounts")}`, embeds };
}
