import { accountSnapshots } from "../../../core/portfolio/account-snapshots.ts";
import { accountName, money } from "../../shared/wording/format.ts";
import type { CommandModule } from "../kit/command-module.ts";

/** /balance: total and free per account, read live (deferred); an unreadable account says why. */
export const balanceCommand: CommandModule = {
  name: "balance",
  place: "anywhere",
  description: "help-command-balance",

  async run(input, res, deps) {
    const { t } = input;
    await res.defer();
    const snapshots = await accountSnapshots({ userId: input.userId, include: { balance: true } }, deps);
    if (snapshots.length === 0) return void (await res.reply({ text: t("balance-no-accounts") }));
    const lines = snapshots.map((s) => {
      const account = accountName(s.account);
      if (s.error || !s.balance) {
        return t("balance-unreadable", { account, reason: s.error?.code ?? t("balance-no-balance") });
      }
      const { total, free, quote } = s.balance;
      return t("balance-line", { account, total: money(total, quote), free: money(free, quote) });
    });
    await res.reply({ embeds: [{ description: lines.join("\n"), tone: "info" }] });
  },
};
