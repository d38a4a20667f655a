import OpenAI from "openai";
import { z } from "zod";

/** What the model must answer: validated before anything of it is used. */
export const modelAnswerSchema = z.object({
  answer: z.string().trim().min(1).max(6000),
  confidence: z.number().min(0).max(1),
  sources: z.array(z.string().trim()).max(20),
  needs_human: z.boolean(),
});
export type ModelAnswer = z.infer<typeof modelAnswerSchema>;

// Written out rather than derived: strict structured output wants every property required and no others, and a
// reviewer should see exactly what the model is held to.
const responseFormat = {
  type: "json_schema",
  json_schema: {
    name: "support_answer",
    strict: true,
    schema: {
      type: "object",
      additionalProperties: false,
      required: ["answer", "confidence", "sources", "needs_human"],
      properties: {
        answer: { type: "string" },
        confidence: { type: "number", minimum: 0, maximum: 1 },
        sources: { type: "array", items: { type: "string" } },
        needs_human: { type: "boolean" },
      },
    },
  },
} as const;

/** What one answer cost, as the server reported it (null: it did not say). */
export interface ModelTokens {
  prompt: number | null;
  completion: number | null;
}

/** The chat model that answers support questions; null when no OPENAI_API_KEY is set. */
export interface SupportModel {
  answer(prompt: { system: string; user: string }): Promise<{ output: ModelAnswer; tokens: ModelTokens }>;
}

/**
 * The openai SDK against OpenAI or any compatible server. Its own retries are few and its timeout short: a
 * follower is waiting in a chat, and a failure opens a ticket rather than leaving them waiting.
 */
export function createSupportModel(opts: {
  apiKey: string | undefined;
  baseURL?: string;
  model: string;
  timeoutMs?: number;
  maxRetries?: number;
}): SupportModel | null {
  if (!opts.apiKey) return null;
  const client = new OpenAI({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL,
    timeout: opts.timeoutMs ?? 20_000,
    maxRetries: opts.maxRetries ?? 1,
  });
  return {
    async answer(prompt) {
      const completion = await client.chat.completions.create({
        model: opts.model,
        temperature: 0,
        max_tokens: 800,
        response_format: responseFormat,
        messages: [
          { role: "system", content: prompt.system },
          { role: "user", content: prompt.user },
        ],
      });
      const content = completion.choices[0]?.message.content ?? "";
      const output = modelAnswerSchema.parse(JSON.parse(content));
      const usage = completion.usage;
      return { output, tokens: { prompt: usage?.prompt_tokens ?? null, completion: usage?.completion_tokens ?? null } };
    },
  };
}
