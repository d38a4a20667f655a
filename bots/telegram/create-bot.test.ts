import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_NAMES } from "../shared/wording/commands.ts";
import { recordedBot } from "./test-support/recorded-bot.ts";

// Handlers through bot.handleUpdate, every outbound API call recorded (test-support/recorded-bot.ts).
describe("telegram handlers: bad input gets a clear answer and changes nothing", () => {
  const h = recordedBot();
  const { calls, send, counts } = h;
  beforeAll(h.start);
  afterAll(h.stop);

  it("answers unknown commands and stray text", async () => {
    expect((await send("/start")).replies[0]).toMatch(/Welcome to Mimic/);
    expect((await send("/frobnicate")).replies).toEqual([
      "I don't know /frobnicate. Send /help for the list of commands.",
    ]);
    expect((await send("hello")).replies[0]).toMatch(/wasn't expecting a message/);
  });

  it("drops a redelivered update", async () => {
    const first = await send("/help");
    expect(first.replies).toHaveLength(1);
    const before = calls.length;
    await h.bot().handleUpdate(first.update);
    expect(calls.length).toBe(before);
  });

  it("keeps money commands out of groups", async () => {
    const before = await counts();
    for (const command of ["/link", "/panic 123456", "/balance", "/2fa"]) {
      const { replies } = await send(command, { id: -100, type: "group" });
      expect(replies[0]).toMatch(/only works in a private chat/);
    }
    expect(await counts()).toEqual(before);
  });

  it("rejects wrong argument forms", async () => {
    expect((await send("/2fa please")).replies[0]).toMatch(/Use \/2fa to set up/);
    expect((await send("/panic 123456")).replies[0]).toMatch(/needs two-factor/);
  });

  it("answers in the sender's language where there is a translation, English otherwise", async () => {
    const ana = { id: 5151, is_bot: false, first_name: "Ana", language_code: "es" };
    const chat = { id: ana.id, type: "private" as const };
    expect((await send("/start", chat, ana)).replies[0]).toMatch(/^¡Bienvenido a Mimic!/);
    expect((await send("/frobnicate", chat, ana)).replies).toEqual([
      "No conozco /frobnicate. Envía /help para ver la lista de comandos.",
    ]);
    const help = (await send("/help", chat, ana)).replies[0] ?? "";
    expect(help.split("\n")).toHaveLength(COMMAND_NAMES.length);
    expect(help).toMatch(/^\/start - Bienvenida y próximos pasos\n/);
    await h.onboard(ana);
    expect((await send("/link", chat, { ...ana, language_code: "es-ES" })).replies).toEqual(["¿Qué exchange?"]);
    expect((await send("/cancel", chat, ana)).replies).toEqual(["No hay nada que cancelar."]);
    const fr = { ...ana, id: 5252, language_code: "fr" };
    expect((await send("/cancel", { id: fr.id, type: "private" }, fr)).replies).toEqual([
      "There is nothing to cancel.",
    ]);
  });
});
