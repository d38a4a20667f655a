import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../../../test/fake-discord/start-fake-discord.ts";
import { type RunningDiscord, startDiscord } from "../start-discord.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";

// The real discord.js client against the fake Discord: every interaction starts with callerOf.
describe("discord: a user an operator disabled", () => {
  let kit: HandlerKit;
  let fake: FakeDiscord;
  let bot: RunningDiscord;
  let dana: string;

  beforeAll(async () => {
    kit = await createHandlerKit();
    fake = await startFakeDiscord();
    dana = fake.addUser({ username: "dana", globalName: "Dana" }).id;
    bot = await startDiscord({ token: fake.token, apiRoot: fake.apiRoot, notifySweepMs: 0 }, kit.deps);
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    await kit?.drop();
  });

  it("gets the one answer that the account is disabled, privately, for any command", async () => {
    expect((await fake.command({ name: "help", userId: dana }).seen()).text).toContain("/link");
    await kit.db.user.update({ where: { discordId: dana }, data: { disabledAt: new Date() } });
    for (const name of ["help", "strategies", "accounts"]) {
      const seen = await fake.command({ name, userId: dana }).seen();
      expect(seen.ephemeral).toBe(true);
      expect(seen.text).toMatch(/^Your Mimic account is disabled/);
    }
  });
});
