import {
  ActionRowBuilder,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  Partials,
  StringSelectMenuBuilder,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "./start-fake-discord.ts";

const intents = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
];

async function onInteraction(i: Interaction): Promise<void> {
  if (i.isAutocomplete()) {
    const typed = String(i.options.getFocused());
    await i.respond(
      ["BTCUSDT", "ETHUSDT", "BTCUSDC"].filter((s) => s.startsWith(typed)).map((s) => ({ name: s, value: s })),
    );
  } else if (i.isChatInputCommand()) {
    if (i.commandName === "status") {
      const response = await i.reply({ content: "checking", withResponse: true });
      await i.followUp({ content: `reply id ${response.resource?.message?.id}`, flags: MessageFlags.Ephemeral });
    } else if (i.commandName === "slow") {
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.followUp({ content: "done slowly" });
    } else if (i.commandName === "pick") {
      const menu = new StringSelectMenuBuilder()
        .setCustomId("exchange")
        .addOptions({ label: "Binance", value: "binance" }, { label: "Bybit", value: "bybit" });
      await i.reply({
        content: "Pick one",
        components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
      });
    } else if (i.commandName === "long") {
      await i.reply({ content: "x".repeat(2001) }).catch(async (e: { code?: number }) => {
        await i.reply({ content: `rejected ${e.code}` });
      });
    } else if (i.commandName === "late") {
      await new Promise((r) => setTimeout(r, 120));
      await i.reply({ content: "too late" }).catch(() => {});
    }
  } else if (i.isStringSelectMenu()) {
    await i.deferUpdate();
    await i.editReply({ content: `Chose ${i.values.join(",")}`, components: [] });
  }
}

describe("fake Discord interactions in depth", () => {
  let fake: FakeDiscord;
  let client: Client;
  let guildId: string;
  let channelId: string;
  let user: string;
  // Snapshots: discord.js patches a cached Message in place when it is edited.
  const seenByBot: {
    id: string;
    content: string;
    authorId: string;
    bot: boolean;
    webhookId: string | null;
    message: Message;
  }[] = [];
  const snap = (m: Message) =>
    void seenByBot.push({
      id: m.id,
      content: m.content,
      authorId: m.author.id,
      bot: m.author.bot,
      webhookId: m.webhookId,
      message: m,
    });

  beforeAll(async () => {
    fake = await startFakeDiscord({ interactionDeadlineMs: 100 });
    user = fake.addUser({ username: "carol" }).id;
    const guild = fake.addGuild({ name: "G", ownerId: user, channels: [{ name: "general" }] });
    guildId = guild.id;
    channelId = guild.channelId("general");
    // As against Discord, DMs to a client that has not cached the DM channel need the Channel partial.
    client = new Client({ intents, partials: [Partials.Channel], rest: { api: fake.apiRoot } });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(fake.token);
    await ready;
    client.on(Events.InteractionCreate, (i) => void onInteraction(i));
    client.on(Events.MessageCreate, snap);
    client.on(Events.MessageUpdate, (_old, m) => snap(m as Message));
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it("answers with_response=true with the created message, and records follow-ups", async () => {
    const handle = fake.command({ name: "status", userId: user, guildId });
    const followUp = await handle.waitForFollowUp();
    expect(followUp.content).toBe(`reply id ${handle.original()?.id}`);
    expect(followUp.flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(handle.text()).toBe(`checking\nreply id ${handle.original()?.id}`);
    expect(fake.requests((r) => r.query.includes("with_response=true"))).toHaveLength(1);
  });

  it("turns the first follow-up after a deferral into the reply, keeping it ephemeral", async () => {
    const handle = fake.command({ name: "slow", userId: user, guildId });
    const seen = await handle.seen();
    expect(seen.text).toBe("done slowly");
    expect(seen.ephemeral).toBe(true);
    expect(handle.followUps()).toEqual([]);
  });

  it("routes a string select through deferUpdate and editReply to the menu's message", async () => {
    const menu = await fake.command({ name: "pick", userId: user, guildId }).seen();
    const choice = fake.chooseSelect({ messageId: menu.messages[0]!.id, values: ["bybit"], userId: user });
    const seen = await choice.seen();
    expect(seen.text).toBe("Chose bybit");
    expect(seen.messages[0]!.id).toBe(menu.messages[0]!.id);
    expect(() => fake.chooseSelect({ messageId: menu.messages[0]!.id, values: ["kraken"], userId: user })).toThrow();
  });

  it("answers autocomplete with choices", async () => {
    const seen = await fake
      .autocomplete({ name: "trade", options: { symbol: "BTC" }, focused: "symbol", userId: user, guildId })
      .seen();
    expect(seen.choices?.map((c) => c.value)).toEqual(["BTCUSDT", "BTCUSDC"]);
  });

  it("rejects messages over Discord's limits with 50035", async () => {
    expect((await fake.command({ name: "long", userId: user, guildId }).seen()).text).toBe("rejected 50035");
  });

  it("forgets interactions not acknowledged before the deadline (10062)", async () => {
    const handle = fake.command({ name: "late", userId: user, guildId });
    await expect(handle.response(400)).rejects.toThrow(/timed out/);
    const callback = fake.requests((r) => r.path.startsWith(`/interactions/${handle.id}/`));
    expect(callback.map((r) => r.status)).toEqual([404]);
  });

  it("delivers user and webhook messages and edits to the bot", async () => {
    const posted = fake.postMessage({ channelId, authorId: user, content: "gm" });
    fake.postMessage({ channelId, webhookId: "111111111111111111", webhookName: "Signals", content: "BUY BTC" });
    fake.editMessage(channelId, posted.id, "gm edited");
    const byContent = () => Object.fromEntries(seenByBot.map((m) => [m.content, m]));
    await fake.state.waitFor(() => byContent()["gm edited"], 3000, "the edit to reach the bot");
    expect(byContent().gm?.authorId).toBe(user);
    expect(byContent()["BUY BTC"]?.webhookId).toBe("111111111111111111");
    expect(byContent()["BUY BTC"]?.bot).toBe(true);
    expect(byContent()["gm edited"]?.id).toBe(posted.id);
  });

  it("lets the bot use DMs started by a user", async () => {
    fake.postMessage({ dmFrom: user, content: "help" });
    const { message } = await fake.state.waitFor(() => seenByBot.find((m) => m.content === "help"), 3000, "the DM");
    expect(message.channel.isDMBased()).toBe(true);
    await message.reply("here to help");
    const reply = await fake.waitForDm(user);
    expect(reply.messageReference?.message_id).toBe(message.id);
    expect(fake.unexpectedRequests()).toEqual([]);
  });
});
