import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteTestDb } from "../../test/db.ts";
import { createMemoryExchange } from "../../test/memory-exchange.ts";
import type { ExchangeCredentials } from "../exchange/exchange.ts";
import { createExchangeResolver, type ExchangeResolver } from "../exchange/exchange-resolver.ts";
import type { Db } from "../platform/db/create-db.ts";
import { silentLogger } from "../platform/logger.ts";
import { generateMasterKey } from "../platform/secrets.ts";
import { type CredentialCipher, createCredentialCipher } from "./credential-cipher.ts";
import { linkAccount } from "./link-account.ts";

// Credentials arrive in plaintext (admin API, a Discord form) or sealed (a chat that kept them between
// messages); either way only the exchange resolver turns an envelope back into a key.
describe("linkAccount with sealed or plaintext credential parts", () => {
  let db: Db;
  let userId: string;
  const cipher = createCredentialCipher({ masterKey: generateMasterKey() });
  const seen: ExchangeCredentials[] = [];
  const probed: ExchangeCredentials[] = [];
  /** The cipher linkAccount itself gets: it may seal, never open. */
  const sealOnly: CredentialCipher = {
    currentKeyId: cipher.currentKeyId,
    seal: (plaintext) => cipher.seal(plaintext),
    open: () => {
      throw new Error("linkAccount opened an envelope itself");
    },
  };
  const exchanges = createExchangeResolver({
    cipher,
    ccxt: {
      isSupported: (id) => id === "okx",
      forAccount: (_id, credentials) => {
        seen.push(credentials);
        return createMemoryExchange().client;
      },
    },
    paper: { db: undefined as never },
  });
  const deps = () => ({
    db: db.prisma,
    cipher: sealOnly,
    exchanges,
    logger: silentLogger,
    keyPermissions: {
      canWithdraw: async (_id: string, credentials: ExchangeCredentials) => {
        probed.push(credentials);
        return false;
      },
    },
  });
  const stored = async (id: string) => {
    const account = await db.prisma.exchangeAccount.findUniqueOrThrow({ where: { id } });
    return JSON.parse(cipher.open(account.credentials ?? "")) as ExchangeCredentials;
  };

  beforeAll(async () => {
    db = await createPgliteTestDb();
    userId = (await db.prisma.user.create({ data: {} })).id;
  });
  afterAll(() => db?.close());

  it("opens sealed parts through the exchange resolver, and proves and stores the plaintext", async () => {
    const plain = { apiKey: "key-sealed-1", secret: "secret-sealed-1", password: "pass-sealed-1" };
    const account = await linkAccount(
      {
        userId,
        exchange: "okx",
        apiKey: { sealed: cipher.seal(plain.apiKey).envelope },
        secret: { sealed: cipher.seal(plain.secret).envelope },
        password: { sealed: cipher.seal(plain.password).envelope },
      },
      deps(),
    );
    expect(seen.at(-1)).toEqual(plain);
    expect(probed.at(-1)).toEqual(plain);
    expect(await stored(account.id)).toEqual(plain);
  });

  it("takes a mix: parts kept sealed and the last one typed just now", async () => {
    const account = await linkAccount(
      { userId, exchange: "okx", apiKey: { sealed: cipher.seal("key-mixed").envelope }, secret: "secret-typed" },
      deps(),
    );
    expect(seen.at(-1)).toEqual({ apiKey: "key-mixed", secret: "secret-typed", password: undefined });
    expect(await stored(account.id)).toEqual({ apiKey: "key-mixed", secret: "secret-typed" });
  });

  it("takes plaintext as before (admin API), with no resolver help needed", async () => {
    const bare: ExchangeResolver = { ...exchanges, openCredentials: undefined };
    const account = await linkAccount(
      { userId, exchange: "okx", apiKey: "key-plain", secret: "secret-plain" },
      { ...deps(), exchanges: bare },
    );
    expect(await stored(account.id)).toEqual({ apiKey: "key-plain", secret: "secret-plain" });
  });

  it("refuses sealed parts a resolver cannot open, a tampered envelope, and a missing part; saving nothing", async () => {
    const before = await db.prisma.exchangeAccount.count();
    const bare: ExchangeResolver = { ...exchanges, openCredentials: undefined };
    const sealedKey = { sealed: cipher.seal("key-x").envelope };
    await expect(
      linkAccount({ userId, exchange: "okx", apiKey: sealedKey, secret: "s-x" }, { ...deps(), exchanges: bare }),
    ).rejects.toMatchObject({ code: "INTERNAL" });
    const tampered = { sealed: `${sealedKey.sealed.slice(0, -4)}AAAA` };
    await expect(
      linkAccount({ userId, exchange: "okx", apiKey: tampered, secret: "s-x" }, deps()),
    ).rejects.toMatchObject({
      code: "INTERNAL",
    });
    await expect(linkAccount({ userId, exchange: "okx", apiKey: sealedKey }, deps())).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { field: "secret" },
    });
    await expect(
      linkAccount({ userId, exchange: "okx", apiKey: { sealed: cipher.seal("").envelope }, secret: "s-x" }, deps()),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", details: { field: "apiKey" } });
    expect(await db.prisma.exchangeAccount.count()).toBe(before);
  });
});

describe("exchange resolver: openCredentials", () => {
  it("opens envelopes sealed with the credential cipher and passes plaintext through", () => {
    const cipher = createCredentialCipher({ masterKey: generateMasterKey() });
    const resolver = createExchangeResolver({
      cipher,
      ccxt: { isSupported: () => false, forAccount: () => createMemoryExchange().client },
      paper: { db: undefined as never },
    });
    expect(
      resolver.openCredentials?.({ apiKey: { sealed: cipher.seal("k").envelope }, secret: "s", password: undefined }),
    ).toEqual({ apiKey: "k", secret: "s", password: undefined });
    const other = createCredentialCipher({ masterKey: generateMasterKey() });
    expect(() => resolver.openCredentials?.({ apiKey: { sealed: other.seal("k").envelope }, secret: "s" })).toThrow(
      /unknown master key/,
    );
  });
});
