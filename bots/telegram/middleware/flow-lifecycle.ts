import type { NextFunction } from "grammy";
import { type BotContext, discardFlowLeftovers, endFlow } from "../bot-context.ts";
import { replyError } from "./reply-errors.ts";

/**
 * Around every update, with the session loaded:
 *
 * - A step that fails ends its flow. grammY saves the session only when the update is handled without an error,
 *   so a handler that throws would leave the flow where it was: /link would still wait for the secret and take
 *   (and delete) the user's next message as one. The error is answered here, the flow is ended, and the session
 *   is saved with it. Handlers that want another try (a wrong 2FA code) catch their own errors.
 * - What a flow left in the chat goes with it: the /2fa setup picture, whose caption holds the TOTP secret, is
 *   deleted whenever its flow is over: confirmed, cancelled, replaced by another command or a second /2fa,
 *   expired, or failed.
 */
export async function flowLifecycle(ctx: BotContext, next: NextFunction): Promise<void> {
  const before = ctx.session.flow;
  try {
    await next();
  } catch (err) {
    endFlow(ctx);
    await replyError(ctx, err);
  }
  await discardFlowLeftovers(ctx, before);
}
