import { citationOf } from "./citations.ts";
import type { FollowerContext } from "./follower-context.ts";
import { renderPrompt } from "./prompts.ts";
import type { RetrievedChunk } from "./support-types.ts";

// The context's fixed budget (~4 characters a token): the excerpts get what the question and the follower's data
// leave, and a chunk that would overflow it is left out whole rather than cut mid-sentence.
const EXCERPT_BUDGET_CHARS = 12_000;
const QUESTION_MAX_CHARS = 2_000;

/** The system and user messages for one question; only chunks that fit the budget are returned as `given`. */
export function buildPrompt(input: {
  question: string;
  chunks: RetrievedChunk[];
  context: FollowerContext & { locale?: string | null };
}): { system: string; user: string; given: RetrievedChunk[] } {
  const given: RetrievedChunk[] = [];
  let used = 0;
  for (const c of input.chunks) {
    const block = `[source: ${citationOf(c)}]\n${c.heading}\n${c.content}`;
    if (used + block.length > EXCERPT_BUDGET_CHARS && given.length) break;
    given.push(c);
    used += block.length;
  }
  const excerpts = given
    .map((c) => `[source: ${citationOf(c)}]\n${c.heading}\n${c.content.slice(0, EXCERPT_BUDGET_CHARS)}`)
    .join("\n\n---\n\n");
  return {
    system: renderPrompt("system", { product: "Mimic" }),
    user: renderPrompt("answer", {
      context: JSON.stringify(input.context, null, 2),
      excerpts: excerpts || "(no documentation matched)",
      // The question sits between triple quotes: it cannot close them and speak as the template.
      question: input.question.slice(0, QUESTION_MAX_CHARS).replaceAll('"""', '"'),
    }),
    given,
  };
}
