import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTournament } from "../../../core/community/tournaments/create-tournament.ts";
import type { CommandModule } from "../kit/command-module.ts";
import type { Caller, OptionValue } from "../kit/handler-input.ts";
import { fakeResponder } from "../test-support/fake-responder.ts";
import { createHandlerKit, type HandlerKit } from "../test-support/handler-kit.ts";
import { leaderboardCommand } from "./leaderboard.ts";
import { tournamentCommand } from "./tournament.ts";

describe("/leaderboard and /tournament on Discord", () => {
  let kit: HandlerKit;
  beforeAll(async () => {
    kit = await createHandlerKit();
  });
  afterAll(() => kit?.drop());

  // The kit sends no subcommand; these commands have them.
  const run = async (
    module: CommandModule,
    who: Caller,
    subcommand: string,
    options: Record<string, OptionValue> = {},
  ) => {
    const res = fakeResponder();
    await module.run({ ...who, command: module.name, subcommandGroup: null, subcommand, options }, res, kit.deps);
    return res;
  };

  it("joins under a nickname, refuses a taken or reserved one, and leaves", async () => {
    const ana = await kit.caller("501");
    const ben = await kit.caller("502", { locale: "es-ES" });
    expect((await run(leaderboardCommand, ana, "join", { nickname: "Ana_1" })).texts()).toEqual([
      "You are on the leaderboard as Ana_1. Send /leaderboard leave to be taken off it.",
    ]);
    expect((await run(leaderboardCommand, ben, "join", { nickname: "ana_1" })).texts()).toEqual([
      "El apodo ana_1 ya está en uso: elige otro.",
    ]);
    expect((await run(leaderboardCommand, ben, "join", { nickname: "MimicBot" })).texts()[0]).toMatch(/^Un apodo/);
    expect((await run(leaderboardCommand, ana, "leave")).texts()).toEqual([
      "You left the leaderboard and your nickname is free again.",
    ]);
  });

  it("sends the leaderboard card as a PNG file, deferring first", async () => {
    const me = await kit.caller("503");
    const res = await run(leaderboardCommand, me, "show", { period: "30d" });
    expect(res.answers[0]).toEqual({ kind: "defer" });
    const file = res.lastView()?.files?.[0];
    expect(file?.name).toBe("leaderboard.png");
    expect(file?.data.subarray(1, 4).toString()).toBe("PNG");
    expect(res.lastView()?.embeds?.[0]).toMatchObject({
      description: "You are not on the leaderboard: /leaderboard join <nickname>",
      image: "leaderboard.png",
    });
  });

  it("joins the next tournament and shows its standings", async () => {
    const me = await kit.caller("504");
    expect((await run(tournamentCommand, me, "show")).texts()).toEqual(["There is no tournament yet."]);
    const start = new Date(Date.now() + 3_600_000);
    await createTournament(
      { name: "Cup", startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), minTrades: 2 },
      { db: kit.db, clock: { now: () => new Date() } },
    );
    expect((await run(tournamentCommand, me, "join")).texts()[0]).toMatch(/^You joined Cup\. It runs from /);
    expect((await run(tournamentCommand, me, "join")).texts()).toEqual(["You are already in Cup."]);
    const [standings] = (await run(tournamentCommand, me, "show")).texts();
    expect(standings).toMatch(/^Cup \(starts soon\): .* 1 participant, at least 2 trades to be ranked/);
    expect(standings).toMatch(/You: 0 of the 2 trades needed to be ranked$/);
  });
});
