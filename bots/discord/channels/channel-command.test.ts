import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandDefinitions } from "../command-definitions.ts";
import type { DiscordDeps } from "../discord-deps.ts";
import { answerError } from "../kit/answer-error.ts";
import type { Caller, CommandInput, OptionValue } from "../kit/handler-input.ts";
import { placeRefusal } from "../kit/place-refusal.ts";
import { fakeResponder } from "../test-support/fake-responder.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";
import { channelCommand } from "./channel-command.ts";

const OWNER = "100000000000000001";
const STRANGER = "100000000000000002";
const ADMIN = "100000000000000003";
const POSTER = "200000000000000001";
const GUILD = "300000000000000001";
let channelSeq = 430000000000000000n;
const newChannel = () => String(++channelSeq);

describe("/channel", () => {
  let kit: HandlerKit;
  let deps: DiscordDeps;

  beforeAll(async () => {
    kit = await createHandlerKit();
    deps = { ...kit.deps, adminIds: [ADMIN] };
    const owner = await kit.caller(OWNER);
    await kit.db.strategy.create({
      data: { name: "BTC momentum", slug: "btc-momentum", passphraseHash: "x", ownerUserId: owner.userId },
    });
    await kit.db.strategy.create({ data: { name: "ETH swing", slug: "eth-swing", passphraseHash: "x" } });
  });
  afterAll(() => kit?.drop());

  /** Someone in a guild channel (Manage Server unless said otherwise). */
  const inGuild = (discordId: string, extra: Partial<Caller> = {}) =>
    kit.caller(discordId, { guildId: GUILD, channelId: newChannel(), canManageGuild: true, ...extra });

  /** The command as the router runs it: place check, handler, errors answered privately. */
  async function run(who: Caller, subcommand: string, options: Record<string, OptionValue> = {}) {
    const input: CommandInput = { ...who, command: "channel", subcommandGroup: null, subcommand, options };
    const res = fakeResponder();
    try {
      const refusal = placeRefusal(channelCommand, who);
      if (refusal) await res.reply({ text: refusal });
      else await channelCommand.run(input, res, deps);
    } catch (err) {
      await answerError(err, { res, t: who.t, log: who.log });
    }
    return res.texts();
  }
  const bindings = (channelId: string | null) =>
    kit.db.channelBinding.findMany({ where: { channelId: channelId ?? "" } });

  it("registers publish, source, governance and unbind with the contract's option names", () => {
    const [definition] = commandDefinitions([channelCommand], deps);
    const shape = definition?.options?.map((o) => ({
      name: o.name,
      options: ("options" in o ? (o.options ?? []) : []).map((p) => [p.name, p.required ?? false]),
    }));
    expect(definition?.name).toBe("channel");
    expect(definition?.contexts).toEqual([0]);
    expect(shape).toEqual([
      { name: "publish", options: [["strategy", true]] },
      {
        name: "source",
        options: [
          ["strategy", true],
          ["poster", true],
        ],
      },
      { name: "governance", options: [] },
      { name: "unbind", options: [] },
    ]);
  });

  it("binds a publish channel for the owner with Manage Server, and says so", async () => {
    const owner = await inGuild(OWNER);
    expect(await run(owner, "publish", { strategy: "btc-momentum" })).toEqual([
      "This channel now shows every signal of BTC momentum (`btc-momentum`) as soon as it is recorded.",
    ]);
    expect(await bindings(owner.channelId)).toMatchObject([{ kind: "publish", guildId: GUILD, posterId: null }]);
    expect((await run(owner, "publish", { strategy: "btc-momentum" }))[0]).toMatch(/already shows/);
  });

  it("makes a source channel from a mention; binding again replaces the poster", async () => {
    const owner = await inGuild(OWNER);
    const [bound] = await run(owner, "source", { strategy: "btc-momentum", poster: `<@!${POSTER}>` });
    expect(bound).toBe(
      `Messages here from <@${POSTER}> (\`${POSTER}\`) now become signals of BTC momentum (\`btc-momentum\`). ` +
        "I react ✅ to each one recorded, and ❌ with a reply to one I cannot read.",
    );
    const [again] = await run(owner, "source", { strategy: "btc-momentum", poster: "500000000000000001" });
    expect(again).toMatch(/this poster replaces the previous one/);
    expect(await bindings(owner.channelId)).toMatchObject([{ kind: "source", posterId: "500000000000000001" }]);
  });

  it("refuses anyone but the owner with Manage Server or an admin, with the reason, and binds nothing", async () => {
    const stranger = await inGuild(STRANGER);
    expect(await run(stranger, "publish", { strategy: "btc-momentum" })).toEqual([
      "Only the strategy's owner, with Manage Server in this guild, or a Mimic admin may bind its channels.",
    ]);
    const ownerWithout = await inGuild(OWNER, { canManageGuild: false });
    expect(await run(ownerWithout, "source", { strategy: "btc-momentum", poster: POSTER })).toEqual([
      "You own this strategy but lack Manage Server in this guild.",
    ]);
    expect([...(await bindings(stranger.channelId)), ...(await bindings(ownerWithout.channelId))]).toEqual([]);

    const admin = await inGuild(ADMIN, { canManageGuild: false });
    expect((await run(admin, "publish", { strategy: "eth-swing" }))[0]).toMatch(/every signal of ETH swing/);
  });

  it("refuses an unknown strategy, a poster that is no id, and a DM, creating nothing", async () => {
    const owner = await inGuild(OWNER);
    expect(await run(owner, "publish", { strategy: "doge-moon" })).toEqual([
      'There is no strategy "doge-moon". Nothing was bound.',
    ]);
    expect(await run(owner, "source", { strategy: "btc-momentum", poster: "@someone" })).toEqual([
      'The poster must be a user id, a user mention or a webhook id; "@someone" is none of these. Nothing was bound.',
    ]);
    const es = await inGuild(OWNER, { locale: "es-ES" });
    expect(await run(es, "publish", { strategy: "doge-moon" })).toEqual([
      'No existe la estrategia "doge-moon". No se vinculó nada.',
    ]);
    const dm = await kit.caller(OWNER, { canManageGuild: true });
    expect(await run(dm, "publish", { strategy: "btc-momentum" })).toEqual([
      "/channel only works in a server channel.",
    ]);
    expect(
      await kit.db.channelBinding.count({ where: { channelId: { in: [owner.channelId ?? "", es.channelId ?? ""] } } }),
    ).toBe(0);
  });

  it("unbinds every binding of the channel, and says when there was none", async () => {
    const owner = await inGuild(OWNER);
    await run(owner, "publish", { strategy: "btc-momentum" });
    await run(owner, "source", { strategy: "btc-momentum", poster: POSTER });
    expect(await run(owner, "unbind")).toEqual([
      "Removed this channel's 2 bindings (publish: btc-momentum, source: btc-momentum). Nothing more is posted or read here.",
    ]);
    expect(await bindings(owner.channelId)).toEqual([]);
    expect(await run(owner, "unbind")).toEqual(["This channel had no bindings; nothing changed."]);
  });

  it("suggests the strategies the caller may bind: their own, or every one for an admin", async () => {
    const focused = { name: "strategy", value: "" };
    const input = (who: Caller) => ({
      ...who,
      command: "channel",
      subcommandGroup: null,
      subcommand: "publish",
      options: {},
      focused,
    });
    const mine = await channelCommand.autocomplete?.(input(await inGuild(OWNER)), deps);
    expect(mine).toEqual([{ name: "BTC momentum (btc-momentum)", value: "btc-momentum" }]);
    expect(await channelCommand.autocomplete?.(input(await inGuild(STRANGER)), deps)).toEqual([]);
    const all = await channelCommand.autocomplete?.(input(await inGuild(ADMIN)), deps);
    expect(all?.map((c) => c.value)).toEqual(["btc-momentum", "eth-swing"]);
  });
});
