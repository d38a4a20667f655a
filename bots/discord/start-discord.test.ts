import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, selectsOf, startFakeDiscord } from "../../test/fake-discord/start-fake-discord.ts";
import { createDiscordNotifier } from "./notifications/discord-notifier.ts";
import { commands } from "./registry.ts";
import { type RunningDiscord, startDiscord } from "./start-discord.ts";
import { createHandlerKit, type HandlerKit, KEYS } from "./test-support/handler-kit.ts";

// The real discord.js client against the fake Discord (REST + gateway): registration, routing, answers, forms.
describe("startDiscord against a fake Discord", () => {
  let kit: HandlerKit;
  let fake: FakeDiscord;
  let bot: RunningDiscord;
  let alice: string;
  let guildId: string;

  beforeAll(async () => {
    kit = await createHandlerKit();
    fake = await startFakeDiscord();
    alice = fake.addUser({ username: "alice", globalName: "Alice" }).id;
    guildId = fake.addGuild({ name: "Traders", ownerId: alice, channels: [{ name: "general" }] }).id;
    bot = await startDiscord({ token: fake.token, apiRoot: fake.apiRoot, notifySweepMs: 0 }, kit.deps);
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    await kit?.drop();
  });

  it("registers every command in one bulk overwrite", () => {
    expect(bot.commands).toEqual({ scope: "global", count: commands.length });
    expect(fake.requests("PUT /applications/:app/commands")).toHaveLength(1);
    expect(fake.commands().map((c) => c.name)).toContain("subscribe");
  });

  it("answers /help privately in a DM, and creates the user", async () => {
    const seen = await fake.command({ name: "help", userId: alice }).seen();
    expect(seen.ephemeral).toBe(true);
    expect(seen.text).toContain("/link - Link an exchange account (API key, or paper)");
    const user = await kit.db.user.findUniqueOrThrow({ where: { discordId: alice } });
    expect([user.displayName, user.locale]).toEqual(["Alice", "en-US"]);
    // Through the terms gate (commands/terms.ts, tested there), before /link below.
    await kit.onboard(user.id);
  });

  it("links a paper account with /link in a server channel, and a live key through the form", async () => {
    const paper = await fake.command({ name: "link", options: { exchange: "paper" }, userId: alice, guildId }).seen();
    expect(paper.ephemeral).toBe(true);
    expect(paper.text).toMatch(/Paper account linked with 10000 USDT/);

    const opened = fake.command({ name: "link", options: { exchange: "binanceusdm" }, userId: alice, guildId });
    const form = await opened.seen();
    expect(form.modal).toBeTruthy();
    const linked = await fake
      .submitModal({ from: opened, fields: { key: KEYS.good, secret: "a-secret-value" } })
      .seen();
    expect(linked.text).toBe(
      "binanceusdm account linked. The keys are stored encrypted. Next: /subscribe to a strategy.",
    );
    const user = await kit.db.user.findUniqueOrThrow({ where: { discordId: alice } });
    const accounts = await kit.db.exchangeAccount.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: "asc" },
    });
    expect(accounts.map((a) => a.exchange)).toEqual(["paper", "binanceusdm"]);
    expect(fake.unexpectedRequests()).toEqual([]);
  });

  it("updates the message a component sits on: /accounts, its select, then Cancel", async () => {
    const list = await fake.command({ name: "accounts", userId: alice, guildId }).seen();
    const message = list.messages[0]!;
    const confirm = await fake
      .chooseSelect({ messageId: message.id, userId: alice, values: [selectsOf(message)[0]!.options[0]!.value] })
      .seen();
    expect(confirm.text).toMatch(/^Remove this account\?/);
    const kept = await fake.clickButton({ messageId: message.id, userId: alice, label: "Cancel" }).seen();
    expect(kept.text).toBe("Nothing was removed.");
    expect(kept.components).toEqual([]);
  });

  it("enrols 2FA: the QR code as a file, a button to a form, and the confirmation drops the picture", async () => {
    const setup = await fake.command({ name: "2fa", userId: alice }).seen();
    expect(setup.files.map((f) => f.filename)).toEqual(["2fa.png"]);
    const message = setup.messages[0]!;
    const opened = fake.clickButton({ messageId: message.id, userId: alice, label: "Enter the code" });
    expect((await opened.seen()).modal).toBeTruthy();
    const user = await kit.db.user.findUniqueOrThrow({ where: { discordId: alice } });
    const factor = await kit.db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    const code = await generate({ secret: kit.deps.cipher.open(factor.secret) });
    const done = await fake.submitModal({ from: opened, fields: { code } }).seen();
    expect(done.text).toBe("Two-factor authentication is on. /panic now works with a code from your app.");
    expect(fake.state.messageById.get(message.id)?.attachments).toEqual([]);
  });

  it("delivers a notification as a DM embed", async () => {
    const notifier = createDiscordNotifier({
      token: fake.token,
      apiRoot: fake.apiRoot,
      translator: kit.deps.translator,
    });
    const to = {
      userId: "u",
      transport: "discord" as const,
      telegramId: null,
      discordId: alice,
      discordDmChannelId: null,
      locale: "en-US",
    };
    const result = await notifier.deliver(to, { kind: "daily", date: "2024-05-01", filled: 2, failed: 0, skipped: 1 });
    expect(result).toEqual({ outcome: "sent", discordDmChannelId: fake.dmChannelId(alice) });
    const dm = await fake.waitForDm(alice, (m) => fake.text(m).includes("Daily summary 2024-05-01"));
    expect(fake.text(dm)).toContain("Daily summary 2024-05-01: 2 filled, 0 failed, 1 skipped in the last 24 h.");
    fake.closeDms(alice);
    const daily = { kind: "daily" as const, date: "2024-05-02", filled: 0, failed: 0, skipped: 0 };
    const kept = { ...to, discordDmChannelId: fake.dmChannelId(alice) };
    expect(await notifier.deliver(kept, daily)).toEqual({ outcome: "unreachable" });
  });
});
