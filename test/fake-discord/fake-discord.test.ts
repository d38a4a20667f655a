import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "./start-fake-discord.ts";

const intents = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
];
// 1x1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

async function connect(fake: FakeDiscord): Promise<Client> {
  const client = new Client({ intents, rest: { api: fake.apiRoot } });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(fake.token);
  await ready;
  return client;
}

/** A miniature bot: just enough behaviour to exercise each fake feature through discord.js. */
async function onInteraction(i: Interaction): Promise<void> {
  if (i.isChatInputCommand()) {
    if (i.commandName === "ping") {
      await i.reply({ content: `pong ${i.options.getString("word") ?? ""}`.trim(), flags: MessageFlags.Ephemeral });
    } else if (i.commandName === "setup") {
      const modal = new ModalBuilder().setCustomId("setup-modal").setTitle("Connect exchange");
      const key = new TextInputBuilder().setCustomId("api-key").setLabel("API key").setStyle(TextInputStyle.Short);
      modal.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(key));
      await i.showModal(modal);
    } else if (i.commandName === "copy") {
      const sub = i.options.getSubcommand();
      const amount = i.options.getInteger("amount");
      await i.deferReply();
      const member = await i.guild!.members.fetch(i.user.id);
      await member.roles.add(i.guild!.roles.cache.find((r) => r.name === "Copier")!);
      const embed = new EmbedBuilder().setTitle(`Copy ${sub}`).addFields({ name: "Amount", value: String(amount) });
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId("confirm").setLabel("Confirm").setStyle(ButtonStyle.Success),
      );
      await i.editReply({ embeds: [embed], components: [row] });
    } else if (i.commandName === "card") {
      await i.reply({ content: "your card", files: [new AttachmentBuilder(PNG, { name: "card.png" })] });
    }
  } else if (i.isModalSubmit()) {
    await i.reply({ content: `saved ${i.fields.getTextInputValue("api-key")}`, flags: MessageFlags.Ephemeral });
  } else if (i.isButton() && i.customId === "confirm") {
    await i.update({ content: "Confirmed", embeds: [], components: [] });
  }
}

describe("fake Discord with the real discord.js client", () => {
  let fake: FakeDiscord;
  let client: Client;
  let guildId: string;
  let channelId: string;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    alice = fake.addUser({ username: "alice" }).id;
    bob = fake.addUser({ username: "bob" }).id;
    const guild = fake.addGuild({
      name: "Traders",
      ownerId: alice,
      channels: [{ name: "general" }, { name: "signals" }],
      roles: [{ name: "Copier" }, { name: "Leader", permissions: 8n }],
      members: [{ userId: bob, roles: ["Leader"] }],
    });
    guildId = guild.id;
    channelId = guild.channelId("general");
    client = await connect(fake);
    client.on(Events.InteractionCreate, (i) => void onInteraction(i));
    client.on(Events.MessageCreate, (m) => {
      if (!m.author.bot && m.content === "hello") void m.react("✅");
    });
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it("logs in and caches the guild, its channels, roles and members", () => {
    const guild = client.guilds.cache.get(guildId)!;
    expect(client.user?.id).toBe(fake.botUserId);
    expect(client.application?.id).toBe(fake.applicationId);
    expect(guild.name).toBe("Traders");
    expect(guild.channels.cache.map((c) => c.name).sort()).toEqual(["general", "signals"]);
    expect(guild.roles.everyone.id).toBe(guildId);
    expect(guild.roles.cache.map((r) => r.name)).toEqual(expect.arrayContaining(["Copier", "Leader", "Mimic"]));
    expect(guild.members.cache.get(bob)?.roles.cache.some((r) => r.name === "Leader")).toBe(true);
    expect(guild.ownerId).toBe(alice);
  });

  it("bulk-overwrites global commands, keeping ids of commands that stay", async () => {
    const first = await client.application!.commands.set([
      { name: "ping", description: "Ping", options: [{ type: 3, name: "word", description: "w" }] },
      { name: "setup", description: "Connect an exchange" },
    ]);
    const again = await client.application!.commands.set([
      { name: "ping", description: "Ping", options: [{ type: 3, name: "word", description: "w" }] },
      { name: "setup", description: "Connect an exchange" },
      {
        name: "copy",
        description: "Copy trading",
        options: [
          {
            type: 1,
            name: "start",
            description: "s",
            options: [{ type: 4, name: "amount", description: "a", required: true }],
          },
        ],
      },
      { name: "card", description: "PnL card" },
    ]);
    expect(fake.commands().map((c) => c.name)).toEqual(["ping", "setup", "copy", "card"]);
    expect(again.find((c) => c.name === "ping")?.id).toBe(first.find((c) => c.name === "ping")?.id);
    await expect(client.application!.commands.set([{ name: "Bad Name", description: "x" }])).rejects.toMatchObject({
      code: 50035,
    });
  });

  it("delivers a slash command and records the ephemeral reply", async () => {
    const seen = await fake.command({ name: "ping", options: { word: "hi" }, userId: bob, guildId }).seen();
    expect(seen.text).toBe("pong hi");
    expect(seen.ephemeral).toBe(true);
  });

  it("round-trips showModal and a modal submit", async () => {
    const opened = fake.command({ name: "setup", userId: alice, channelId, locale: "de" });
    const modal = (await opened.seen()).modal!;
    expect(modal).toMatchObject({ custom_id: "setup-modal", title: "Connect exchange" });
    const submitted = await fake.submitModal({ from: opened, fields: { "api-key": "KEY-123" } }).seen();
    expect(submitted.text).toBe("saved KEY-123");
  });

  it("handles a subcommand with a deferral, a role grant and a button that updates the message", async () => {
    const handle = fake.command({ name: "copy start", options: { amount: 250 }, userId: bob, guildId });
    const seen = await handle.seen();
    expect(seen.text).toBe("Copy start\nAmount: 250");
    expect(fake.memberRoles(guildId, bob)).toContain(
      client.guilds.cache.get(guildId)!.roles.cache.find((r) => r.name === "Copier")!.id,
    );

    const clicked = await fake.clickButton({ messageId: seen.messages[0]!.id, label: "Confirm", userId: bob }).seen();
    expect(clicked.text).toBe("Confirmed");
    expect(handle.original()?.components).toEqual([]);
  });

  it("keeps uploaded files from a multipart reply", async () => {
    const seen = await fake.command({ name: "card", userId: alice, guildId }).seen();
    expect(seen.files).toHaveLength(1);
    expect(seen.files[0]).toMatchObject({ filename: "card.png", contentType: "image/png", width: 1, height: 1 });
    expect(Buffer.from(seen.files[0]!.data).subarray(1, 4).toString()).toBe("PNG");
  });

  it("records a reaction the bot adds to a user's message", async () => {
    const message = fake.postMessage({ channelId, authorId: alice, content: "hello" });
    await fake.state.waitFor(() => fake.reactions(message.id)["✅"]?.includes(fake.botUserId), 3000, "the reaction");
  });

  it("sends DMs, and surfaces closed DMs as error 50007", async () => {
    await client.users.send(alice, "welcome!");
    expect(fake.dms(alice).map((m) => m.content)).toEqual(["welcome!"]);
    expect(fake.dmChannelId(alice)).toBe(fake.dms(alice)[0]!.channelId);

    fake.closeDms(bob);
    const error = await client.users.send(bob, "hi").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50007);
  });

  it("answers Discord-style errors for unknown members and injected faults", async () => {
    const guild = client.guilds.cache.get(guildId)!;
    const copier = guild.roles.cache.find((r) => r.name === "Copier")!;
    await expect(
      client.rest.put(`/guilds/${guildId}/members/123456789012345678/roles/${copier.id}`),
    ).rejects.toMatchObject({ code: 10007 });

    fake.failNext("POST /channels/:id/messages", 403, { message: "Missing Permissions", code: 50013 });
    const channel = guild.channels.cache.get(channelId)!;
    if (!channel.isSendable()) throw new Error("not sendable");
    await expect(channel.send("nope")).rejects.toMatchObject({ code: 50013 });
    await expect(channel.send("yes")).resolves.toMatchObject({ content: "yes" });
  });

  it("resumes after the gateway asks the client to reconnect", async () => {
    const resumed = new Promise<void>((resolve) => client.once(Events.ShardResume, () => resolve()));
    fake.requestReconnect();
    await resumed;
    const seen = await fake.command({ name: "ping", userId: bob, guildId }).seen();
    expect(seen.text).toBe("pong");
  });

  it("called no route the fake does not know", () => {
    expect(fake.unexpectedRequests()).toEqual([]);
  });
});

describe("the global rate limit", () => {
  let fake: FakeDiscord;
  let client: Client;

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it("lets discord.js pace 120 messages without more than 50 accepted in any second", async () => {
    fake = await startFakeDiscord({ rateLimit: { globalPerSecond: 50 } });
    const owner = fake.addUser({ username: "owner" }).id;
    const channelId = fake.addGuild({ name: "Load", ownerId: owner, channels: [{ name: "flood" }] }).channelId("flood");
    client = await connect(fake);
    const channel = client.channels.cache.get(channelId);
    if (!channel?.isSendable()) throw new Error("not sendable");

    await Promise.all(Array.from({ length: 120 }, (_, n) => channel.send(`message ${n}`)));

    expect(fake.messages(channelId)).toHaveLength(120);
    const stats = fake.rateLimitStats();
    expect(stats.maxAcceptedInAnyWindow).toBeLessThanOrEqual(50);
    expect(stats.rejected429).toBeLessThanOrEqual(6);
    const sends = fake.requests("POST /channels/:channel/messages");
    expect(sends.filter((r) => r.status === 200)).toHaveLength(120);
  });
});
