import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkAccount } from "../../../core/accounts/link-account.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { commands } from "../registry.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";
import { balanceCommand } from "./balance.ts";
import { pnlCommand } from "./pnl.ts";
import { positionsCommand } from "./positions.ts";

describe("/positions, /balance, /pnl, /help, and where commands work", () => {
  let kit: HandlerKit;
  beforeAll(async () => {
    kit = await createHandlerKit();
  });
  afterAll(() => kit?.drop());

  it("says there is nothing to read before an account is linked", async () => {
    const me = await kit.caller("400");
    expect((await kit.command(positionsCommand, me)).texts()).toEqual(["No accounts linked. Send /link to add one."]);
    expect((await kit.command(balanceCommand, me)).texts()).toEqual(["No accounts linked. Send /link to add one."]);
  });

  it("reads a paper account live, deferring first", async () => {
    const me = await kit.caller("401");
    await linkAccount({ userId: me.userId, exchange: "paper", label: "Sim" }, kit.deps);
    const balance = await kit.command(balanceCommand, me);
    expect(balance.answers[0]).toEqual({ kind: "defer" });
    expect(balance.texts()).toEqual(["Sim (paper): 10000.00 USDT total, 10000.00 USDT free"]);
    const positions = await kit.command(positionsCommand, me);
    expect(positions.lastView()?.embeds).toEqual([
      { title: "Sim (paper)", description: "no open trades", tone: "info" },
    ]);
  });

  it("sends the PnL card as a PNG file", async () => {
    const me = await kit.caller("402");
    await linkAccount({ userId: me.userId, exchange: "paper" }, kit.deps);
    const view = (await kit.command(pnlCommand, me)).lastView();
    const file = view?.files?.[0];
    expect(file?.name).toBe("pnl.png");
    expect(file?.data.subarray(1, 4).toString()).toBe("PNG");
    expect(view?.embeds?.[0]).toMatchObject({ description: "Equity 10000.00 USDT", image: "pnl.png" });
  });

  it("lists every command in /help, in the user's language", async () => {
    const help = commands.find((c) => c.name === "help")!;
    const en = (await kit.command(help, await kit.caller("403"))).texts()[0]!;
    expect(en.split("\n").map((l) => l.split(" ")[0])).toEqual(commands.map((c) => `/${c.name}`));
    expect(en).toContain("/link - Link an exchange account (API key, or paper)");
    const es = (await kit.command(help, await kit.caller("404", { locale: "es-ES" }))).texts()[0]!;
    expect(es).toContain(`/link - ${kit.deps.translator.t("es", "help-command-link")}`);
  });

  it("refuses a guild command in a DM and a DM command in a guild, before running it", async () => {
    let ran = 0;
    const module = (place: CommandModule["place"]): CommandModule => ({
      name: "channel",
      place,
      description: "help-command-help",
      run: async () => void ran++,
    });
    const dm = await kit.caller("405");
    const inGuild = { ...dm, guildId: "123456789012345678" };
    expect((await kit.command(module("guild"), dm)).texts()).toEqual(["/channel only works in a server channel."]);
    expect((await kit.command(module("dm"), inGuild)).texts()).toEqual([
      "For your safety, /channel only works in a private message with me.",
    ]);
    expect(ran).toBe(0);
    await kit.command(module("guild"), inGuild);
    await kit.command(module("anywhere"), dm);
    expect(ran).toBe(2);
  });
});
