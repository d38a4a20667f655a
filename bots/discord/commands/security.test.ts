import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueConnectCode } from "../../../core/accounts/connect-code.ts";
import { linkAccount } from "../../../core/accounts/link-account.ts";
import { startTwoFactor } from "../../../core/security/two-factor.ts";
import type { Caller } from "../kit/handler-input.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";
import { connectCommand } from "./connect.ts";
import { panicCommand } from "./panic.ts";
import { subscribeCommand } from "./subscribe.ts";
import { twoFactorCommand } from "./two-factor.ts";

describe("/2fa, /panic, /connect", () => {
  let kit: HandlerKit;
  let now = Date.now();
  beforeAll(async () => {
    kit = await createHandlerKit({ now: () => new Date(now) });
  });
  afterAll(() => kit?.drop());

  const codeFor = async (who: Caller) => {
    const factor = await kit.db.totpFactor.findUniqueOrThrow({ where: { userId: who.userId } });
    return generate({ secret: kit.deps.cipher.open(factor.secret), epoch: Math.floor(now / 1000) });
  };
  /** Enrols an authenticator as /2fa would, confirmed. */
  const enrol = async (who: Caller) => {
    await startTwoFactor({ userId: who.userId, issuer: "Mimic", label: "x" }, kit.deps);
    await kit.modal(twoFactorCommand, who, "2fa:confirm", { code: await codeFor(who) });
  };

  it("enrols with a QR code and a button that opens the code form; the confirmation drops the QR", async () => {
    const me = await kit.caller("300");
    const setup = await kit.command(twoFactorCommand, me);
    const view = setup.lastView();
    expect(view?.files?.[0]?.name).toBe("2fa.png");
    expect(view?.files?.[0]?.data.subarray(1, 4).toString()).toBe("PNG");
    expect(view?.embeds?.[0]?.image).toBe("2fa.png");
    const factor = await kit.db.totpFactor.findUniqueOrThrow({ where: { userId: me.userId } });
    expect(view?.embeds?.[0]?.description).toContain(kit.deps.cipher.open(factor.secret));
    const open = (view?.rows?.[0] as { id: string }[] | undefined)?.[0];
    if (!open) throw new Error("expected the button that opens the form");
    const form = (await kit.component(twoFactorCommand, me, open.id)).modal();
    expect(form?.fields.map((f) => f.id)).toEqual(["code"]);

    const wrong = await kit.modal(twoFactorCommand, me, form!.id, { code: "000000" });
    expect(wrong.answers[0]?.kind).toBe("reply");
    expect(wrong.texts()[0]).toBe(
      "That code is wrong, expired or already used. 4 attempts left before a 15-minute lock.",
    );
    const right = await kit.modal(twoFactorCommand, me, form!.id, { code: await codeFor(me) });
    // Replaces the message holding the QR code and the key: nothing of them is left.
    expect(right.answers).toEqual([
      {
        kind: "update",
        view: { text: "Two-factor authentication is on. /panic now works with a code from your app." },
      },
    ]);
    expect((await kit.command(twoFactorCommand, me)).texts()[0]).toMatch(/is on\. .*\/2fa action:off/);
  });

  it("turns 2FA off with a code in a form", async () => {
    const me = await kit.caller("301");
    expect((await kit.command(twoFactorCommand, me, { action: "off" })).texts()).toEqual([
      "Two-factor authentication is not on; nothing to turn off.",
    ]);
    await enrol(me);
    now += 60_000;
    const form = (await kit.command(twoFactorCommand, me, { action: "off" })).modal();
    const off = await kit.modal(twoFactorCommand, me, form!.id, { code: await codeFor(me) });
    expect(off.texts()[0]).toMatch(/^Two-factor authentication is off/);
    expect(await kit.db.totpFactor.count({ where: { userId: me.userId } })).toBe(0);
  });

  it("/panic needs 2FA, asks the code in a form, and locks after five wrong codes", async () => {
    const me = await kit.caller("302");
    expect((await kit.command(panicCommand, me)).texts()[0]).toMatch(/^\/panic needs two-factor authentication/);
    await linkAccount({ userId: me.userId, exchange: "paper" }, kit.deps);
    // A subscription that panic must pause.
    await kit.db.strategy.create({ data: { name: "P", slug: "p", passphraseHash: "x" } });
    await kit.command(subscribeCommand, me, { strategy: "p", sizing: "fixed", value: "10" });
    await enrol(me);
    now += 60_000;
    const form = (await kit.command(panicCommand, me)).modal();
    expect(form?.fields[0]?.hint).toMatch(/EVERY position/);
    for (const left of [4, 3, 2, 1]) {
      const wrong = await kit.modal(panicCommand, me, form!.id, { code: "123456" });
      expect(wrong.answers[0]).toEqual({ kind: "defer" });
      expect(wrong.texts().at(-1)).toMatch(new RegExp(`${left} attempts? left`));
    }
    const locked = await kit.modal(panicCommand, me, form!.id, { code: "123456" });
    expect(locked.texts().at(-1)).toMatch(/^Too many wrong codes\. This is locked until \d\d:\d\d UTC/);
    // The lock is core's, so it holds whichever app asks; even the right code waits.
    const stillLocked = await kit.modal(panicCommand, me, form!.id, { code: await codeFor(me) });
    expect(stillLocked.texts().at(-1)).toMatch(/locked until/);
    expect(await kit.db.subscription.count({ where: { status: "paused" } })).toBe(0);

    now += 16 * 60_000;
    const done = await kit.modal(panicCommand, me, form!.id, { code: await codeFor(me) });
    expect(done.texts()[0]).toMatch(/^Panic done\. 1 subscription paused/);
    expect(done.texts()[1]).toBe("no open positions");
  });

  it("/connect issues a code for Telegram and redeems one made there", async () => {
    const me = await kit.caller("303");
    const issued = await kit.command(connectCommand, me);
    expect(issued.texts()[0]).toMatch(
      /^Your code: ([A-Z0-9]{4}-[A-Z0-9]{4}) \(valid for 10 minutes, once\)\. In Mimic's Telegram bot, send: \/connect \1$/,
    );

    const telegramUser = await kit.db.user.create({ data: { telegramId: "4242" } });
    const { code } = await issueConnectCode({ userId: telegramUser.id, transport: "telegram" }, kit.deps);
    const wrong = await kit.command(connectCommand, me, { code: "ZZZZ-ZZZZ" });
    expect(wrong.texts()[0]).toMatch(/^That code is unknown, used or expired/);
    const joined = await kit.command(connectCommand, me, { code: code.toLowerCase() });
    // Nothing was set up on the Discord side, so nothing moved.
    expect(joined.texts()[0]).toBe("Connected: your Telegram and Discord accounts are now one Mimic user.");
    const user = await kit.db.user.findUniqueOrThrow({ where: { discordId: "303" } });
    expect([user.id, user.telegramId]).toEqual([telegramUser.id, "4242"]);
  });
});
