import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { loadEnv } from "../../platform/config.ts";
import { isAppError } from "../../platform/errors.ts";
import { acceptTerms } from "./accept-terms.ts";
import { COMMON_COUNTRIES, COUNTRIES, countryByCode } from "./countries.ts";
import { searchCountries } from "./country-search.ts";
import { declareCountry } from "./declare-country.ts";
import { readTermsDocument, termsHash, termsVersion } from "./terms-document.ts";
import { checkMoneyAccess, moneyAccess, needsConsent, termsGateFromEnv } from "./terms-gate.ts";

describe("terms: the version is the content", () => {
  it("hashes docs/terms.md, and any edit is a new version", () => {
    const doc = readTermsDocument();
    expect(doc.markdown).toMatch(/^# Terms of service/);
    expect(termsVersion()).toBe(doc.version);
    expect(doc.version).toMatch(/^[0-9a-f]{12}$/);
    expect(termsHash(`${doc.markdown} `)).not.toBe(doc.version);
  });

  it("a changed version needs consent again", () => {
    expect(needsConsent({ termsVersion: null }, "v2aaaaaaaaaa")).toBe(true);
    expect(needsConsent({ termsVersion: "v2aaaaaaaaaa" }, "v2aaaaaaaaaa")).toBe(false);
    expect(needsConsent({ termsVersion: "v1aaaaaaaaaa" }, "v2aaaaaaaaaa")).toBe(true);
    const gate = { version: "v2aaaaaaaaaa", blockedCountries: ["KP", "IR"] };
    expect(moneyAccess({ termsVersion: null, country: null }, gate)).toEqual({ step: "terms", changed: false });
    expect(moneyAccess({ termsVersion: "v1aaaaaaaaaa", country: "DE" }, gate)).toEqual({
      step: "terms",
      changed: true,
    });
    expect(moneyAccess({ termsVersion: "v2aaaaaaaaaa", country: null }, gate)).toEqual({ step: "country" });
    expect(moneyAccess({ termsVersion: "v2aaaaaaaaaa", country: "IR" }, gate)).toEqual({
      step: "blocked",
      country: "IR",
    });
    expect(moneyAccess({ termsVersion: "v2aaaaaaaaaa", country: "DE" }, gate)).toEqual({ step: "ok", country: "DE" });
  });

  it("BLOCKED_COUNTRIES and TERMS_URL are parsed at start-up", () => {
    const env = loadEnv({ BLOCKED_COUNTRIES: " kp, IR ,", SUPPORT_DOCS_URL: "https://docs.example/mimic" });
    expect(env.BLOCKED_COUNTRIES).toEqual(["KP", "IR"]);
    expect(termsGateFromEnv(env).url).toBe("https://docs.example/mimic/docs/terms.md");
    expect(termsGateFromEnv({ ...env, TERMS_URL: "https://t.example/terms" }).url).toBe("https://t.example/terms");
    expect(loadEnv({}).BLOCKED_COUNTRIES).toEqual([]);
    expect(() => loadEnv({ BLOCKED_COUNTRIES: "KP,XX" })).toThrow(/BLOCKED_COUNTRIES.*must be comma-separated ISO/);
  });
});

describe("countries: the ISO list and its search", () => {
  it("holds every assigned alpha-2 code once", () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(249);
    for (const code of COMMON_COUNTRIES) expect(countryByCode(code)).not.toBeNull();
    expect(countryByCode("de")?.name).toBe("Germany");
    expect(countryByCode("UK")).toBeNull();
  });

  it("finds by code or name, ignoring case and accents", () => {
    expect(searchCountries("de")[0]?.code).toBe("DE");
    expect(searchCountries("GERMANY").map((c) => c.code)).toEqual(["DE"]);
    expect(searchCountries("cote d'ivoire")[0]?.code).toBe("CI");
    expect(searchCountries("CÔTE")[0]?.code).toBe("CI");
    expect(searchCountries("aland")[0]?.code).toBe("AX");
    expect(searchCountries("turkiye")[0]?.code).toBe("TR");
    expect(searchCountries("turkey")[0]?.code).toBe("TR");
    expect(searchCountries("uk")[0]?.code).toBe("GB");
    expect(searchCountries("españa")[0]?.code).toBe("ES");
    expect(searchCountries("espana")[0]?.code).toBe("ES");
    expect(searchCountries("guinea").map((c) => c.code)).toEqual(expect.arrayContaining(["GN", "GW", "GQ", "PG"]));
    expect(searchCountries("a")).toEqual([]);
    expect(searchCountries("zzzz")).toEqual([]);
  });
});

describe("consent and country, stored", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  const now = new Date("2026-12-07T01:00:00Z");
  const deps = () => ({ db: testDb.db.prisma, clock: { now: () => now }, terms: { version: "abcdef123456" } });
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(() => testDb?.drop());

  it("stores the accepted version and time with an audit row; a version not shown is refused", async () => {
    const user = await testDb.db.prisma.user.create({ data: { displayName: "ann" } });
    await expect(acceptTerms({ userId: user.id, version: "000000000000" }, deps())).rejects.toSatisfy((e) =>
      isAppError(e, "CONFLICT"),
    );
    expect(await acceptTerms({ userId: user.id, version: "abcdef123456" }, deps())).toEqual({
      version: "abcdef123456",
      acceptedAt: now,
    });
    const stored = await testDb.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.termsVersion, stored.termsAcceptedAt]).toEqual(["abcdef123456", now]);
    const audit = await testDb.db.prisma.auditLog.findFirstOrThrow({ where: { userId: user.id } });
    expect([audit.action, audit.actor, audit.details]).toEqual([
      "terms.accepted",
      `user:${user.id}`,
      { version: "abcdef123456" },
    ]);
  });

  it("records the country (and the one before), refuses an unknown code, and a blocked one gates money", async () => {
    const user = await testDb.db.prisma.user.create({ data: { displayName: "bo", termsVersion: "abcdef123456" } });
    const gate = { version: "abcdef123456", url: "https://t.example", blockedCountries: ["KP"] };
    const access = (userId: string) => checkMoneyAccess({ userId }, { db: testDb.db.prisma, terms: gate });
    expect(await access(user.id)).toEqual({ step: "country" });
    await expect(declareCountry({ userId: user.id, country: "XX" }, deps())).rejects.toSatisfy((e) =>
      isAppError(e, "BAD_REQUEST"),
    );
    expect((await declareCountry({ userId: user.id, country: "kp" }, deps())).name).toBe("North Korea");
    expect(await access(user.id)).toEqual({ step: "blocked", country: "KP" });
    await declareCountry({ userId: user.id, country: "DE" }, deps());
    expect(await access(user.id)).toEqual({ step: "ok", country: "DE" });
    const stored = await testDb.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.country, stored.countryDeclaredAt]).toEqual(["DE", now]);
    const audit = await testDb.db.prisma.auditLog.findMany({ where: { userId: user.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.details)).toEqual([
      { country: "KP", previous: null },
      { country: "DE", previous: "KP" },
    ]);
  });
});
