import type { Logger } from "pino";
import type { Clock } from "../platform/clock.ts";
import type { Env } from "../platform/config.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { SupportKnowledge } from "./knowledge/support-knowledge.ts";
import { createSupportModel } from "./support-model.ts";
import type { SupportDeps } from "./support-types.ts";

/**
 * The answering side's dependencies from the parsed environment (entry points only): the chat model (none
 * without OPENAI_API_KEY, so no network call), the thresholds and the admin chats. `knowledge` is the process's
 * knowledge base (knowledge/support-knowledge.ts), built once next to it.
 */
export function supportDepsFromEnv(
  env: Pick<
    Env,
    | "OPENAI_API_KEY"
    | "OPENAI_BASE_URL"
    | "OPENAI_MODEL"
    | "SUPPORT_MIN_CONFIDENCE"
    | "SUPPORT_QUESTIONS_PER_HOUR"
    | "SUPPORT_ADMIN_TELEGRAM_CHAT"
    | "SUPPORT_ADMIN_DISCORD_CHANNEL"
    | "SUPPORT_DOCS_URL"
  >,
  deps: { db: DbClient; clock: Clock; logger: Logger; knowledge: Pick<SupportKnowledge, "mode" | "retrieve"> },
): SupportDeps {
  return {
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger.child({ component: "support" }),
    retrieve: (input) => deps.knowledge.retrieve(input),
    retrieval: deps.knowledge.mode,
    model: createSupportModel({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL }),
    minConfidence: env.SUPPORT_MIN_CONFIDENCE,
    questionsPerHour: env.SUPPORT_QUESTIONS_PER_HOUR,
    adminChats: { telegram: env.SUPPORT_ADMIN_TELEGRAM_CHAT, discord: env.SUPPORT_ADMIN_DISCORD_CHANNEL },
    docsUrl: env.SUPPORT_DOCS_URL,
  };
}
