import type { NextFunction } from "grammy";
import { ensureChatUser } from "../../../core/accounts/ensure-chat-user.ts";
import { assertUserEnabled } from "../../../core/accounts/user-disabled.ts";
import type { BotContext } from "../bot-context.ts";

const START_WITH_CODE = /^\/start(?:@\w+)?\s+([A-Za-z0-9_-]{1,64})\s*$/;

/** Every sender is a Mimic user from their first update; "/start <code>" on that first contact keeps the referral. */
export async function ensureUser(ctx: BotContext, next: NextFunction): Promise<void> {
  const from = ctx.from;
  if (!from || from.is_bot) return;
  const referralCode = ctx.message?.text?.match(START_WITH_CODE)?.[1];
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(" ") || from.username;
  const user = await ensureChatUser(
    { transport: "telegram", externalId: String(from.id), displayName, referralCode, locale: from.language_code },
    { db: ctx.deps.db },
  );
  // A disabled user gets the one answer for everything (replyErrors words it).
  assertUserEnabled(user);
  ctx.userId = user.id;
  ctx.userCreated = user.created;
  ctx.log = ctx.log.child({ userId: user.id });
  await next();
}
