import { randomUUID } from "node:crypto";
import { createCredentialCipher } from "../core/accounts/credential-cipher.ts";
import type { DbClient } from "../core/platform/db-client.ts";

const CHUNK = 2000;

/** N followers, each with its own binanceusdm key (`bench-<i>` / `secret-bench-<i>`), straight into the database. */
export async function seedFollowers(
  db: DbClient,
  opts: {
    strategyId: string;
    followers: number;
    masterKey: string;
    keyPrefix: string;
    sizing: { mode: "fixed" | "risk"; value: string };
  },
) {
  const cipher = createCredentialCipher({ masterKey: opts.masterKey });
  for (let start = 0; start < opts.followers; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, opts.followers - start) }, (_, k) => {
      const i = start + k;
      const apiKey = `${opts.keyPrefix}-${i}`;
      const sealed = cipher.seal(JSON.stringify({ apiKey, secret: `secret-${apiKey}` }));
      return { userId: randomUUID(), accountId: randomUUID(), envelope: sealed.envelope, keyId: sealed.keyId, i };
    });
    await db.user.createMany({ data: rows.map((r) => ({ id: r.userId, displayName: `bench ${r.i}` })) });
    await db.exchangeAccount.createMany({
      data: rows.map((r) => ({
        id: r.accountId,
        userId: r.userId,
        exchange: "binanceusdm",
        credentials: r.envelope,
        credentialKeyId: r.keyId,
      })),
    });
    await db.subscription.createMany({
      data: rows.map((r) => ({
        accountId: r.accountId,
        strategyId: opts.strategyId,
        sizingMode: opts.sizing.mode,
        sizingValue: opts.sizing.value,
      })),
    });
  }
}
