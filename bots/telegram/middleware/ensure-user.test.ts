import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordedBot } from "../test-support/recorded-bot.ts";

// Handlers through bot.handleUpdate, every outbound API call recorded (test-support/recorded-bot.ts).
describe("telegram: a user an operator disabled", () => {
  const h = recordedBot();
  const { db, send } = h;
  beforeAll(h.start);
  afterAll(h.stop);

  it("gets the one answer that the account is disabled, whatever they send, in their language", async () => {
    const eva = { id: 7171, is_bot: false, first_name: "Eva", language_code: "es" };
    const chat = { id: eva.id, type: "private" as const };
    await send("/help", chat, eva);
    await db().user.update({ where: { telegramId: "7171" }, data: { disabledAt: new Date() } });
    for (const text of ["/start", "/strategies", "/panic"]) {
      expect((await send(text, chat, eva)).replies).toEqual([
        "Tu cuenta de Mimic está desactivada: desde aquí no se puede hacer nada y no se copian señales. Contacta con el operador de este Mimic si crees que es un error.",
      ]);
    }
    await db().user.update({ where: { telegramId: "7171" }, data: { disabledAt: null } });
    expect((await send("/help", chat, eva)).replies[0]).not.toMatch(/desactivada/);
  });
});
