import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTwoFactor } from "../../../core/security/two-factor.ts";
import { recordedBot } from "../test-support/recorded-bot.ts";

// Handlers through bot.handleUpdate, every outbound API call recorded (test-support/recorded-bot.ts).
describe("telegram /2fa and /panic: codes, the lock, and the setup picture", () => {
  const h = recordedBot();
  const { clock, cipher, from, db, send } = h;
  beforeAll(async () => {
    await h.start();
    // The sender is a Mimic user from their first message.
    await h.send("/start");
  });
  afterAll(h.stop);

  it("/panic ends on cancel or /cancel, which are not counted as wrong codes", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
    await startTwoFactor(
      { userId: user.id, issuer: "Mimic", label: "bob" },
      { db: db(), cipher, clock: { now: () => new Date(clock.ms) } },
    );
    await db().totpFactor.update({ where: { userId: user.id }, data: { confirmedAt: new Date(clock.ms) } });
    await send("/panic");
    expect((await send("cancel")).replies.at(-1)).toBe("Panic cancelled. Nothing was closed.");
    await send("/panic");
    expect((await send("/cancel")).replies.at(-1)).toBe("Panic cancelled. Nothing was closed.");
    // The flow is over: a code sent now is no answer to anything.
    expect((await send("123456")).replies.at(-1)).toMatch(/wasn't expecting/);
    const factor = await db().totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(factor.failedAttempts).toBe(0);
    await db().totpFactor.delete({ where: { userId: user.id } });
  });

  it("wrong TOTP codes are refused, counted and lock after five", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
    const { secret } = await startTwoFactor(
      { userId: user.id, issuer: "Mimic", label: "bob" },
      { db: db(), cipher, clock: { now: () => new Date(clock.ms) } },
    );
    await db().totpFactor.update({ where: { userId: user.id }, data: { confirmedAt: new Date(clock.ms) } });
    expect((await send("/panic 000000")).replies.at(-1)).toMatch(/wrong.*4 attempts left/);
    expect((await send("/panic nonsense")).replies.at(-1)).toMatch(/wrong.*3 attempt/);
    await send("/panic 111111");
    await send("/panic 222222");
    expect((await send("/panic 333333")).replies.at(-1)).toMatch(/locked until/);
    // Even the right code waits out the lock.
    const right = await generate({ secret, epoch: Math.floor(clock.ms / 1000) });
    expect((await send(`/panic ${right}`)).replies.at(-1)).toMatch(/locked until/);
    const audit = await db().auditLog.findMany({
      where: { userId: user.id, action: { startsWith: "panic" } },
    });
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.action === "panic.refused")).toBe(true);
    clock.ms += 16 * 60_000;
    const fresh = await generate({ secret, epoch: Math.floor(clock.ms / 1000) });
    expect((await send(`/panic ${fresh}`)).replies.at(-1)).toMatch(/Panic done/);
  });
  describe("the /2fa setup picture (its caption holds the TOTP secret)", () => {
    /** The id of the setup picture sent among these calls. */
    const photoId = (sent: { method: string; payload: Record<string, unknown>; result: unknown }[]) => {
      const photo = sent.find((c) => c.method === "sendPhoto");
      if (!photo) throw new Error("no picture was sent");
      expect(String(photo.payload.caption)).toMatch(/enter the key by hand:\n[A-Z2-7]{16,}\n/);
      return (photo.result as { message_id: number }).message_id;
    };
    const setUp = async () => {
      const user = await db().user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
      await db().totpFactor.deleteMany({ where: { userId: user.id } });
      return photoId((await send("/2fa")).calls);
    };
    const deleted = (sent: { method: string; payload: Record<string, unknown> }[], messageId: number) =>
      sent.some((c) => c.method === "deleteMessage" && c.payload.message_id === messageId);

    it("is deleted when the setup is cancelled", async () => {
      const photo = await setUp();
      const { calls: sent, replies } = await send("/cancel");
      expect(replies).toEqual(["Cancelled."]);
      expect(deleted(sent, photo)).toBe(true);
    });

    it("is deleted when the word cancel ends the setup", async () => {
      const photo = await setUp();
      expect(deleted((await send("cancel")).calls, photo)).toBe(true);
    });

    it("is deleted when another command replaces the setup", async () => {
      const photo = await setUp();
      const { calls: sent } = await send("/settings");
      expect(deleted(sent, photo)).toBe(true);
    });

    it("is deleted when a second /2fa replaces it, and the new one stays", async () => {
      const first = await setUp();
      const { calls: sent } = await send("/2fa");
      const second = photoId(sent);
      expect(deleted(sent, first)).toBe(true);
      expect(deleted(sent, second)).toBe(false);
      expect(deleted((await send("/cancel")).calls, second)).toBe(true);
    });

    it("is deleted when the setup expires", async () => {
      const photo = await setUp();
      clock.ms += 11 * 60_000;
      const { calls: sent, replies } = await send("123456");
      expect(replies[0]).toMatch(/That \/2fa expired after 10 minutes/);
      expect(deleted(sent, photo)).toBe(true);
    });

    it("is deleted when the setup expires and the next thing sent is a command", async () => {
      const photo = await setUp();
      clock.ms += 11 * 60_000;
      expect(deleted((await send("/help")).calls, photo)).toBe(true);
    });

    it("stays while a wrong code is retried, and goes once the code is confirmed", async () => {
      const photo = await setUp();
      const wrong = await send("000000");
      expect(wrong.replies[0]).toMatch(/^That code is wrong, expired or already used\. 4 attempts left/);
      expect(deleted(wrong.calls, photo)).toBe(false);
      const user = await db().user.findUniqueOrThrow({ where: { telegramId: String(from.id) } });
      const factor = await db().totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
      const right = await generate({ secret: cipher.open(factor.secret), epoch: Math.floor(clock.ms / 1000) });
      const confirmed = await send(right);
      expect(confirmed.replies).toEqual([
        "Two-factor authentication is on. /panic now works with a code from your app.",
      ]);
      expect(
        confirmed.calls.filter((c) => c.method === "deleteMessage" && c.payload.message_id === photo),
      ).toHaveLength(1);
      // Deleted before the answer: the secret is gone by the time the user reads "on".
      expect(confirmed.calls.map((c) => c.method)).toEqual(["deleteMessage", "sendMessage"]);
      await db().totpFactor.delete({ where: { userId: user.id } });
    });
  });
});
