import type { Logger } from "pino";
import { toAppError } from "../../../core/platform/errors.ts";
import { attemptsLeft, errorText } from "../../shared/wording/error-text.ts";
import type { T } from "../../shared/wording/translator.ts";
import type { Responder } from "./handler-input.ts";

/**
 * The one place an error becomes what the user reads: a private answer in their language (with the attempts
 * left after a wrong code). Only the code and the core's message are logged, never what the user typed.
 */
export async function answerError(err: unknown, ctx: { res: Responder; t: T; log: Logger }): Promise<void> {
  const e = toAppError(err);
  if (e.code === "INTERNAL") ctx.log.error({ err: e.message }, "interaction failed");
  else ctx.log.info({ code: e.code }, "interaction refused");
  await ctx.res
    .reply({ text: errorText(e, ctx.t) + attemptsLeft(e, ctx.t) })
    .catch((replyErr: Error) => ctx.log.warn({ err: replyErr.message }, "could not answer the interaction"));
}
