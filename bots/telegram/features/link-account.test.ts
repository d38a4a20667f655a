import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordedBot } from "../test-support/recorded-bot.ts";

// Handlers through bot.handleUpdate, every outbound API call recorded (test-support/recorded-bot.ts).
describe("telegram /link: secrets deleted, a failed step ends the flow, a restart keeps it", () => {
  const h = recordedBot();
  const { clock, botOpened, checkedKeys, db, restart, send, click, counts } = h;
  beforeAll(async () => {
    await h.start();
    await h.onboard();
  });
  afterAll(h.stop);

  it("deletes a secret sent in /link, and an expired flow changes nothing", async () => {
    const before = await counts();
    await send("/link");
    await click("link:binanceusdm");
    const short = await send("abc");
    expect(short.calls.some((c) => c.method === "deleteMessage")).toBe(true);
    expect(short.replies[0]).toMatch(/too short/);
    clock.ms += 11 * 60_000;
    const late = await send("a-real-looking-api-key");
    expect(late.calls.some((c) => c.method === "deleteMessage")).toBe(true);
    expect(late.replies[0]).toMatch(/expired after 10 minutes.*nothing was changed/);
    expect(await counts()).toEqual(before);
  });

  it("a /link flow survives a restart of the bot", async () => {
    await send("/link");
    await click("link:binanceusdm");
    restart();
    const { replies } = await send("a-real-looking-api-key");
    expect(replies[0]).toMatch(/secret/i);
    expect(replies[0]).not.toMatch(/wasn't expecting/);
  });

  it("a /link whose key the exchange refuses ends the flow: the next message is not taken for a secret", async () => {
    const before = await counts();
    botOpened.length = 0;
    await send("/link");
    await click("link:binanceusdm");
    const key = await send("a-real-looking-api-key");
    expect(key.replies[0]).toMatch(/API secret/);
    const secret = await send("a-real-looking-secret");
    expect(secret.calls.some((c) => c.method === "deleteMessage")).toBe(true);
    expect(secret.replies).toEqual([
      "Checking the keys with the exchange...",
      expect.stringMatching(/^The exchange refused these API keys/),
    ]);
    // The key was opened by the exchange resolver, not by the bot, and reached the exchange in plaintext.
    expect(checkedKeys.at(-1)).toEqual({ apiKey: "a-real-looking-api-key", secret: "a-real-looking-secret" });
    expect(botOpened).toEqual([]);
    // The flow is over, in the stored session too: what comes next is an ordinary message, kept and answered.
    expect(JSON.stringify(await db().botSession.findMany())).not.toMatch(/link/);
    const next = await send("hello again");
    expect(next.calls.some((c) => c.method === "deleteMessage")).toBe(false);
    expect(next.replies).toEqual(["I wasn't expecting a message. Send /help for the list of commands."]);
    expect(await counts()).toEqual(before);
  });

  it("a failed /link step ends the flow even if the bot restarts in between", async () => {
    await send("/link");
    await click("link:binanceusdm");
    await send("a-real-looking-api-key");
    await send("a-real-looking-secret");
    restart();
    const next = await send("hello after a restart");
    expect(next.calls.some((c) => c.method === "deleteMessage")).toBe(false);
    expect(next.replies[0]).toMatch(/wasn't expecting/);
  });
});
