import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordedBot } from "../test-support/recorded-bot.ts";

const TRON = "TJYeasTPa6gpEEfYcPQkfb5X1Qi3tx3Qq1";

// Handlers through bot.handleUpdate, every outbound API call recorded (test-support/recorded-bot.ts).
describe("telegram /referral, /payout and /banner", () => {
  const h = recordedBot({
    deps: () => ({
      referrals: {
        settings: { commissionPerc: 20, months: 12, holdDays: 7, payoutMinUsd: 50 },
        publicUrl: "https://mimic.example.com",
      },
    }),
  });
  const { db, send, from } = h;
  beforeAll(async () => {
    await h.start();
    await send("/start");
  });
  afterAll(h.stop);

  const me = () => db().user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });

  it("/referral shows the code, the deep link, the short link and the stats", async () => {
    const reply = (await send("/referral")).replies[0] ?? "";
    const { inviteCode } = await me();
    expect(inviteCode).toMatch(/^[2-9A-Z]{7}$/);
    expect(reply).toContain(`Your code: ${inviteCode}`);
    expect(reply).toContain(`Telegram: https://t.me/mimic_bot?start=${inviteCode}`);
    expect(reply).toContain(`Short link: https://mimic.example.com/r/${inviteCode}`);
    expect(reply).toContain("Clicks: 0 · signups: 0 · copied a trade: 0 · paying: 0");
    expect(reply).toContain("Commissions (USD): pending 0.00 · approved 0.00 · paid 0.00");
  });

  it("/start <code> makes the newcomer a referral; self-referral and a second referrer are refused", async () => {
    const { inviteCode, id } = await me();
    const friend = { id: 777, is_bot: false, first_name: "Ann" };
    await send(`/start ${inviteCode}`, { id: friend.id, type: "private" }, friend);
    const ann = await db().user.findUniqueOrThrow({ where: { telegramId: "777" } });
    expect(ann.referredById).toBe(id);
    expect((await send(`/referral use ${inviteCode}`)).replies).toEqual([
      "That is your own code: you cannot refer yourself.",
    ]);
    await send("/referral", { id: friend.id, type: "private" }, friend);
    const annCode = (await db().user.findUniqueOrThrow({ where: { id: ann.id } })).inviteCode;
    expect((await send(`/referral use ${annCode}`)).replies).toEqual([
      "You invited that person: they cannot be your referrer.",
    ]);
    expect((await send(`/referral use ${inviteCode}`, { id: friend.id, type: "private" }, friend)).replies).toEqual([
      "You already have a referrer, and it cannot be changed.",
    ]);
    expect((await send("/referral")).replies[0]).toContain("signups: 1");
  });

  it("/payout checks the address and the minimum, then asks for the approved balance", async () => {
    expect((await send("/payout")).replies[0]).toMatch(/^Send \/payout <USDT address> <network>/);
    expect((await send(`/payout ${TRON} SOL`)).replies).toEqual([
      "Payouts go out in USDT on TRC20, ERC20, BEP20, POLYGON only.",
    ]);
    expect((await send("/payout 0x1234 ERC20")).replies).toEqual(["That address is not valid on ERC20."]);
    expect((await send(`/payout ${TRON} TRC20`)).replies).toEqual([
      "Your approved balance is 0.00 USD; payouts start at 50 USD.",
    ]);
    const { id } = await me();
    const ann = await db().user.findUniqueOrThrow({ where: { telegramId: "777" } });
    const plan = await db().plan.create({ data: { name: "Pro", priceUsd: "300", periodDays: 30 } });
    const payment = await db().payment.create({
      data: { orderNumber: "o1", userId: ann.id, planId: plan.id, amountUsd: "300", status: "completed" },
    });
    await db().commission.create({
      data: { referrerId: id, paymentId: payment.id, amountUsd: "60", status: "approved", approvesAt: new Date() },
    });
    expect((await send(`/payout ${TRON} trc20`)).replies).toEqual([
      `Payout requested: 60.00 USD in USDT on TRC20 to ${TRON}. An admin sends it and you are told the transaction.`,
    ]);
    expect((await send(`/payout ${TRON} TRC20`)).replies[0]).toMatch(/^Your approved balance is 0.00 USD/);
    expect(await db().payout.count()).toBe(1);
  });

  it("/banner sends a PNG with the code", async () => {
    const { inviteCode } = await me();
    const { calls } = await send("/banner");
    const photo = calls.find((c) => c.method === "sendPhoto");
    expect(photo?.payload.caption).toBe(
      `Share it: your code ${inviteCode} · https://mimic.example.com/r/${inviteCode}`,
    );
  });
});
