import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller, OptionValue } from "../kit/handler-input.ts";
import { fakeResponder } from "../test-support/fake-responder.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";
import { bannerCommand } from "./banner.ts";
import { payoutCommand } from "./payout.ts";
import { referralCommand } from "./referral.ts";

const EVM = "0x52908400098527886E0F7030069857D2E4169EE7";

describe("/referral, /payout and /banner on Discord", () => {
  let kit: HandlerKit;
  beforeAll(async () => {
    kit = await createHandlerKit();
    kit.deps.referrals = {
      settings: { commissionPerc: 20, months: 12, holdDays: 7, payoutMinUsd: 50 },
      publicUrl: "https://mimic.example.com",
      telegramBotUsername: "mimic_bot",
    };
  });
  afterAll(() => kit?.drop());

  // The kit sends no subcommand; /referral has them.
  const referral = async (who: Caller, subcommand: string, options: Record<string, OptionValue> = {}) => {
    const res = fakeResponder();
    await referralCommand.run(
      { ...who, command: "referral", subcommandGroup: null, subcommand, options },
      res,
      kit.deps,
    );
    return res;
  };
  const codeOf = async (userId: string) =>
    (await kit.db.user.findUniqueOrThrow({ where: { id: userId } })).inviteCode ?? "";

  it("shows the code, the links and the stats; `use` records the referrer once, never oneself", async () => {
    const ana = await kit.caller("801");
    const embed = (await referral(ana, "show")).lastView()?.embeds?.[0];
    const code = await codeOf(ana.userId);
    expect(embed?.title).toBe("Invite friends, earn commissions");
    expect(embed?.description).toContain(`Telegram: https://t.me/mimic_bot?start=${code}`);
    expect(embed?.description).toContain(`Short link: https://mimic.example.com/r/${code}`);
    expect(embed?.description).toContain(`Discord: /referral use code:${code}`);

    expect((await referral(ana, "use", { code })).texts()).toEqual([
      "That is your own code: you cannot refer yourself.",
    ]);
    const ben = await kit.caller("802", { locale: "es-ES" });
    expect((await referral(ben, "use", { code: code.toLowerCase() })).texts()).toEqual([
      `Hecho: te invitó el código ${code}.`,
    ]);
    expect((await kit.db.user.findUniqueOrThrow({ where: { id: ben.userId } })).referredById).toBe(ana.userId);
    const carl = await kit.caller("803");
    await referral(carl, "show");
    expect((await referral(ben, "use", { code: await codeOf(carl.userId) })).texts()).toEqual([
      "Ya tienes quien te refirió, y no se puede cambiar.",
    ]);
    expect((await referral(ana, "show")).lastView()?.embeds?.[0]?.description).toContain("signups: 1");
  });

  it("/payout validates the address and the minimum, then asks for the approved balance", async () => {
    const dana = await kit.caller("804");
    const payout = (address: string, network: string) => kit.command(payoutCommand, dana, { address, network });
    expect((await payout("T123", "TRC20")).texts()).toEqual(["That address is not valid on TRC20."]);
    expect((await payout(EVM, "BEP20")).texts()).toEqual([
      "Your approved balance is 0.00 USD; payouts start at 50 USD.",
    ]);
    const payer = await kit.db.user.create({ data: { referredById: dana.userId } });
    const plan = await kit.db.plan.create({ data: { name: "Pro", priceUsd: "500", periodDays: 30 } });
    const payment = await kit.db.payment.create({
      data: { orderNumber: "d1", userId: payer.id, planId: plan.id, amountUsd: "500", status: "completed" },
    });
    await kit.db.commission.create({
      data: {
        referrerId: dana.userId,
        paymentId: payment.id,
        amountUsd: "100",
        status: "approved",
        approvesAt: new Date(),
      },
    });
    expect((await payout(EVM, "BEP20")).texts()).toEqual([
      `Payout requested: 100.00 USD in USDT on BEP20 to ${EVM}. An admin sends it and you are told the transaction.`,
    ]);
    expect(await kit.db.payout.count({ where: { userId: dana.userId } })).toBe(1);
  });

  it("/banner answers with a PNG", async () => {
    const ed = await kit.caller("805");
    const res = await kit.command(bannerCommand, ed);
    const code = await codeOf(ed.userId);
    expect(res.answers[0]?.kind).toBe("defer");
    const view = res.lastView();
    expect(view?.files?.[0]?.name).toBe("mimic-invite.png");
    expect(view?.embeds?.[0]?.description).toBe(`Share it: your code ${code} · https://mimic.example.com/r/${code}`);
  });
});
