import { AppError } from "../platform/errors.ts";

const SNOWFLAKE = /^\d{15,25}$/;
const MENTION = /^<@!?(\d{15,25})>$/;

/**
 * The poster of a source channel as `/channel source … poster:` gives it: a user id, a user mention (`<@id>`,
 * `<@!id>`) or a webhook id. The id is what a message's `author.id` or `webhook_id` must equal.
 */
export function parsePosterId(raw: string | undefined | null): string {
  const text = (raw ?? "").trim();
  if (!text) throw posterError("poster: is required for a source channel: a user id, a user mention or a webhook id");
  const id = SNOWFLAKE.test(text) ? text : MENTION.exec(text)?.[1];
  if (!id) throw posterError("poster: must be a user id, a user mention or a webhook id");
  return id;
}

function posterError(message: string): AppError {
  return new AppError("BAD_REQUEST", message, { details: { field: "poster" } });
}
