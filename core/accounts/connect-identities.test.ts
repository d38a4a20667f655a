import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { issueConnectCode } from "./connect-code.ts";
import { ensureChatUser } from "./ensure-chat-user.ts";
import { redeemConnectCode } from "./redeem-connect-code.ts";

describe("connecting a Telegram and a Discord identity", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let now = new Date("2026-12-06T12:00:00Z");
  const clock = { now: () => now };
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  const db = () => testDb.db.prisma;

  it("a code from Telegram entered in Discord makes one user; the code works once", async () => {
    const tg = await ensureChatUser({ transport: "telegram", externalId: "111" }, { db: db() });
    const { code } = await issueConnectCode({ userId: tg.id, transport: "telegram" }, { db: db(), clock });
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const done = await redeemConnectCode(
      { transport: "discord", externalId: "900000000000000001", code: code.toLowerCase() },
      { db: db(), clock },
    );
    expect(done).toEqual({ userId: tg.id, merged: false });
    const dc = await ensureChatUser({ transport: "discord", externalId: "900000000000000001" }, { db: db() });
    expect(dc).toEqual({ id: tg.id, created: false, disabledAt: null });
    await expect(
      redeemConnectCode({ transport: "discord", externalId: "900000000000000002", code }, { db: db(), clock }),
    ).rejects.toThrow(/unknown, used or expired/);
  });

  it("moves what the Discord side already had, and refuses codes entered on the side that made them", async () => {
    const tg = await ensureChatUser({ transport: "telegram", externalId: "222" }, { db: db() });
    const dc = await ensureChatUser({ transport: "discord", externalId: "900000000000000003" }, { db: db() });
    const account = await db().exchangeAccount.create({ data: { userId: dc.id, exchange: "paper" } });
    const { code } = await issueConnectCode({ userId: tg.id, transport: "telegram" }, { db: db(), clock });
    await expect(
      redeemConnectCode({ transport: "telegram", externalId: "222", code }, { db: db(), clock }),
    ).rejects.toThrow(/made in Telegram; enter it in Discord/);
    const done = await redeemConnectCode(
      { transport: "discord", externalId: "900000000000000003", code },
      { db: db(), clock },
    );
    expect(done).toEqual({ userId: tg.id, merged: true });
    expect((await db().exchangeAccount.findUniqueOrThrow({ where: { id: account.id } })).userId).toBe(tg.id);
    expect(await db().user.findUnique({ where: { id: dc.id } })).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: tg.id } })).discordId).toBe("900000000000000003");
  });

  it("an expired code, a code replaced by a newer one, and a user already connected elsewhere are refused", async () => {
    const dc = await ensureChatUser({ transport: "discord", externalId: "900000000000000004" }, { db: db() });
    const first = await issueConnectCode({ userId: dc.id, transport: "discord" }, { db: db(), clock });
    const second = await issueConnectCode({ userId: dc.id, transport: "discord" }, { db: db(), clock });
    await expect(
      redeemConnectCode({ transport: "telegram", externalId: "333", code: first.code }, { db: db(), clock }),
    ).rejects.toThrow(/unknown, used or expired/);
    now = new Date(now.getTime() + 11 * 60_000);
    await expect(
      redeemConnectCode({ transport: "telegram", externalId: "333", code: second.code }, { db: db(), clock }),
    ).rejects.toThrow(/unknown, used or expired/);
    const third = await issueConnectCode({ userId: dc.id, transport: "discord" }, { db: db(), clock });
    await redeemConnectCode({ transport: "telegram", externalId: "333", code: third.code }, { db: db(), clock });
    const fourth = await issueConnectCode({ userId: dc.id, transport: "discord" }, { db: db(), clock });
    await expect(
      redeemConnectCode({ transport: "telegram", externalId: "444", code: fourth.code }, { db: db(), clock }),
    ).rejects.toThrow(/already connected to another Telegram account/);
  });
});
