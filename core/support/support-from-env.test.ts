import { describe, expect, it } from "vitest";
import { loadEnv } from "../platform/config.ts";
import { silentLogger } from "../platform/logger.ts";
import { supportDepsFromEnv } from "./support-from-env.ts";

const knowledge = { mode: "bm25" as const, retrieve: async () => [] };
const build = (env: Record<string, string>) =>
  supportDepsFromEnv(loadEnv(env), {
    db: {} as never,
    clock: { now: () => new Date() },
    logger: silentLogger,
    knowledge,
  });

describe("supportDepsFromEnv", () => {
  it("has no model without a key, and the documented defaults", () => {
    const deps = build({});
    expect(deps).toMatchObject({ model: null, minConfidence: 0.6, questionsPerHour: 20, retrieval: "bm25" });
    expect(deps.adminChats).toEqual({ telegram: undefined, discord: undefined });
  });

  it("builds the model and the admin chats from the environment, refusing malformed ids", () => {
    const deps = build({
      OPENAI_API_KEY: "sk-x",
      OPENAI_MODEL: "llama3",
      SUPPORT_MIN_CONFIDENCE: "0.75",
      SUPPORT_ADMIN_TELEGRAM_CHAT: "-1001234567",
      SUPPORT_ADMIN_DISCORD_CHANNEL: "123456789012345678",
    });
    expect(deps.model).not.toBeNull();
    expect(deps).toMatchObject({ minConfidence: 0.75, adminChats: { telegram: "-1001234567" } });
    expect(() => loadEnv({ SUPPORT_ADMIN_DISCORD_CHANNEL: "general" })).toThrow(/SUPPORT_ADMIN_DISCORD_CHANNEL/);
    expect(() => loadEnv({ SUPPORT_MIN_CONFIDENCE: "2" })).toThrow(/SUPPORT_MIN_CONFIDENCE/);
  });
});
