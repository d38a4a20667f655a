import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueConnectCode } from "../../../core/accounts/connect-code.ts";
import { recordedBot } from "../test-support/recorded-bot.ts";

// Handlers through bot.handleUpdate, every outbound API call recorded (test-support/recorded-bot.ts).
describe("telegram /connect", () => {
  const h = recordedBot();
  const { clock, db, send } = h;
  beforeAll(h.start);
  afterAll(h.stop);

  it("/connect issues a code for Discord, and joins the Discord user whose code it is given", async () => {
    const kim = { id: 6161, is_bot: false, first_name: "Kim" };
    const chat = { id: kim.id, type: "private" as const };
    const [issued] = (await send("/connect", chat, kim)).replies;
    const code =
      /^Your code: (\S+) \(valid for 10 minutes, once\)\. In Mimic's Discord bot, use: \/connect code:\1$/.exec(
        issued ?? "",
      )?.[1];
    expect(code).toBeDefined();
    // The same code entered here, on the side that made it, is refused and changes nothing.
    expect((await send(`/connect ${code}`, chat, kim)).replies[0]).toMatch(/made in Telegram; enter it in Discord/);

    const discordUser = await db().user.create({ data: { discordId: "700000000000000001" } });
    const fromDiscord = await issueConnectCode(
      { userId: discordUser.id, transport: "discord" },
      { db: db(), clock: { now: () => new Date(clock.ms) } },
    );
    expect((await send(`/connect ${fromDiscord.code}`, chat, kim)).replies).toEqual([
      "Connected: your Telegram and Discord accounts are now one Mimic user.",
    ]);
    const joined = await db().user.findUniqueOrThrow({ where: { telegramId: "6161" } });
    expect([joined.id, joined.discordId]).toEqual([discordUser.id, "700000000000000001"]);
    expect((await send("/connect NOPE-NOPE", chat, kim)).replies[0]).toMatch(/unknown, used or expired/);
  });
});
