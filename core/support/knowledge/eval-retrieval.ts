import { z } from "zod";
import type { RetrievedChunk } from "../retrieve.ts";

export const evalQuestions = z
  .array(
    z.object({
      question: z.string().min(1),
      /** The sections that answer it: a hit is any of them among the top results. */
      answers: z.array(z.object({ source: z.string(), anchor: z.string() })).min(1),
    }),
  )
  .min(1);

export type EvalQuestion = z.infer<typeof evalQuestions>[number];

export interface EvalResult {
  questions: number;
  hits: number;
  hitAt: number;
  misses: Array<{ question: string; got: string[] }>;
}

/** hit@k: the share of questions with a section that answers them among the first `k` retrieved. */
export async function evaluateRetrieval(
  questions: EvalQuestion[],
  retrieve: (question: string, k: number) => Promise<RetrievedChunk[]>,
  k = 3,
): Promise<EvalResult> {
  const misses: EvalResult["misses"] = [];
  let hits = 0;
  for (const q of questions) {
    const got = await retrieve(q.question, k);
    const ok = got.some((g) => q.answers.some((a) => a.source === g.source && a.anchor === g.anchor));
    if (ok) hits += 1;
    else misses.push({ question: q.question, got: got.map((g) => `${g.source}#${g.anchor}`) });
  }
  return { questions: questions.length, hits, hitAt: hits / questions.length, misses };
}
