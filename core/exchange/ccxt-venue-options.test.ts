import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBinance, startFakeBinance } from "../../test/fake-binance/start-fake-binance.ts";
import { CcxtVenue } from "./ccxt-venue.ts";
import { genericVenueProfile } from "./generic-venue-profile.ts";
import { venueProfiles } from "./venue-profiles.ts";

let fake: FakeBinance;
beforeAll(async () => {
  fake = await startFakeBinance();
});
afterAll(async () => {
  await fake.close();
});

describe("a pooled ccxt instance is handed to the next follower as it was built", () => {
  const venueFor = (profile: NonNullable<ReturnType<typeof venueProfiles.get>>) =>
    new CcxtVenue({ profile, urlOverride: fake.url, timeoutMs: 2000, marketsTtlMs: 3_600_000, maxInstances: 1 });

  for (const [name, profile] of [
    ["binanceusdm", venueProfiles.get("binanceusdm")],
    ["a venue without a profile of its own", { ...genericVenueProfile("binanceusdm"), exchangeId: "binanceusdm" }],
  ] as const) {
    it(`on ${name}: options a call added or replaced are gone on the next call`, async () => {
      if (!profile) throw new Error("no profile");
      const venue = venueFor(profile);
      try {
        const alice = { apiKey: "alice", secret: "secret-alice" };
        const bob = { apiKey: "bob", secret: "secret-bob" };
        const built = await venue.run(alice, "look", async (ex) => {
          const before = { ...ex.options };
          // What ccxt learns about an account lands in options: a new key, or a key it overwrites.
          ex.options.accountTypeOfAlice = "unified";
          ex.options.defaultType = "spot";
          return before;
        });
        const seen = await venue.run(bob, "look", async (ex) => ({ ...ex.options }));
        expect(seen.accountTypeOfAlice).toBeUndefined();
        expect(seen.defaultType).toBe(built.defaultType);
        expect(Object.keys(seen).sort()).toEqual(Object.keys(built).sort());
      } finally {
        venue.close();
      }
    });
  }
});
