import { ChannelType } from "discord.js";
import { type FakeDiscord, startFakeDiscord } from "../../test/fake-discord/start-fake-discord.ts";
import type { FakeReport } from "./fake-thread.ts";

/** Discord's id of bench follower i, and of the DM channel the bot opened with them before. */
export const benchDiscordId = (i: number) => String(800000000000000000n + BigInt(i));
export const benchDmChannelId = (i: number) => String(810000000000000000n + BigInt(i));

/**
 * The fake Discord with the global limit of 50 requests/s and N followers who have a DM channel with the bot
 * (as every follower has once the bot has written to them).
 */
export async function startBenchDiscord(opts: { followers: number; globalPerSecond: number }): Promise<FakeDiscord> {
  const fake = await startFakeDiscord({ rateLimit: { globalPerSecond: opts.globalPerSecond } });
  for (let i = 1; i <= opts.followers; i++) {
    const user = fake.addUser({ id: benchDiscordId(i), username: `follower${i}` });
    const id = benchDmChannelId(i);
    fake.state.channels.set(id, {
      id,
      type: ChannelType.DM,
      name: null,
      guildId: null,
      position: 0,
      parentId: null,
      recipientId: user.id,
    });
    fake.state.dmChannelByUser.set(user.id, id);
  }
  return fake;
}

export function report(fake: FakeDiscord): FakeReport {
  const perRecipient: Record<string, number> = {};
  for (const [userId, channelId] of fake.state.dmChannelByUser) {
    const n = fake.state.messagesIn(channelId).length;
    if (n) perRecipient[userId] = n;
  }
  return { perRecipient, accepted: fake.state.rateLimit.accepted, rejected429: fake.state.rateLimit.rejected429 };
}
