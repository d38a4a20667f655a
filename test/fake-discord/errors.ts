// Discord's JSON error bodies. Codes are the documented JSON error codes, so bot code that branches on
// `DiscordAPIError.code` (e.g. 50007 for closed DMs) is exercised against the same numbers.
export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: unknown;
}

export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
  ) {
    super(body.message);
  }
}

const err = (status: number, code: number, message: string) => () => new DiscordHttpError(status, { message, code });

export const Errors = {
  unauthorized: err(401, 0, "401: Unauthorized"),
  notFound: err(404, 0, "404: Not Found"),
  methodNotAllowed: err(405, 0, "405: Method Not Allowed"),
  unknownChannel: err(404, 10003, "Unknown Channel"),
  unknownGuild: err(404, 10004, "Unknown Guild"),
  unknownMember: err(404, 10007, "Unknown Member"),
  unknownMessage: err(404, 10008, "Unknown Message"),
  unknownRole: err(404, 10011, "Unknown Role"),
  unknownUser: err(404, 10013, "Unknown User"),
  unknownEmoji: err(400, 10014, "Unknown Emoji"),
  unknownWebhook: err(404, 10015, "Unknown Webhook"),
  unknownCommand: err(404, 10063, "Unknown application command"),
  unknownInteraction: err(404, 10062, "Unknown interaction"),
  alreadyAcknowledged: err(400, 40060, "Interaction has already been acknowledged."),
  cannotSendToUser: err(403, 50007, "Cannot send messages to this user"),
  emptyMessage: err(400, 50006, "Cannot send an empty message"),
  missingPermissions: err(403, 50013, "Missing Permissions"),
  cannotEditOthers: err(403, 50005, "Cannot edit a message authored by another user"),
};

/** 50035 with Discord's nested `errors` shape: { field: { _errors: [{ code, message }] } }. */
export function invalidFormBody(problems: { path: string; code: string; message: string }[]): DiscordHttpError {
  const errors: Record<string, unknown> = {};
  for (const p of problems) {
    let node = errors;
    for (const key of p.path.split(".")) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    node._errors ??= [];
    (node._errors as unknown[]).push({ code: p.code, message: p.message });
  }
  return new DiscordHttpError(400, { message: "Invalid Form Body", code: 50035, errors });
}

/** A generic body for failNext() when the test gives only a status. */
export function defaultErrorBody(status: number): DiscordErrorBody {
  if (status === 429) return { message: "You are being rate limited.", code: 0 };
  return { message: `${status}: ${status >= 500 ? "Internal Server Error" : "Error"}`, code: 0 };
}
