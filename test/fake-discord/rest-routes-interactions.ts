// Interaction callbacks and the interaction webhook (@original, follow-ups). No bot token, no global limit.
import {
  applyEdit,
  botMessage,
  dispatchCreate,
  dispatchDelete,
  dispatchUpdate,
  MessageFlag,
  newMessage,
} from "./bot-messages.ts";
import type { FakeContext } from "./context.ts";
import { Errors, invalidFormBody } from "./errors.ts";
import { InteractionType } from "./interaction-base.ts";
import { CallbackType } from "./interaction-handle.ts";
import type { StoredMessage } from "./models.ts";
import { json, noContent, type RouteDef, type RouteRequest, type RouteResponse } from "./router.ts";
import { messageJson } from "./serialize.ts";
import type { InteractionRecord } from "./state.ts";
import type { MessageBody } from "./validate-message.ts";

const wrongCallback = (why: string) =>
  invalidFormBody([{ path: "type", code: "INTERACTION_RESPONSE_TYPE_INVALID", message: why }]);

function callback(req: RouteRequest, ctx: FakeContext): RouteResponse {
  const record = ctx.state.interactions.get(req.params.interaction!);
  if (!record || record.token !== req.params.token) throw Errors.unknownInteraction();
  // Discord forgets interactions not acknowledged within 3 s.
  if (!record.callback && Date.now() - record.createdAt > ctx.options.interactionDeadlineMs)
    throw Errors.unknownInteraction();
  if (record.callback) throw Errors.alreadyAcknowledged();

  const body = (req.body ?? {}) as { type?: number; data?: Record<string, unknown> };
  const type = Number(body.type);
  const data = body.data ?? {};
  const kind = record.payload.type as number;
  const fromComponent = record.sourceMessageId !== undefined;
  let message: StoredMessage | undefined;

  switch (type) {
    case CallbackType.ChannelMessage: {
      if (kind === InteractionType.Autocomplete) throw wrongCallback("Autocomplete interactions take type 8.");
      message = respondWithMessage(ctx, record, data as MessageBody, req);
      break;
    }
    case CallbackType.DeferredChannelMessage: {
      if (kind === InteractionType.Autocomplete) throw wrongCallback("Autocomplete interactions take type 8.");
      // The "Bot is thinking…" placeholder: a real message with the loading flag, later edited via @original.
      message = newMessage({
        channelId: record.channelId,
        guildId: record.guildId,
        authorId: ctx.botUserId,
        webhookId: ctx.applicationId,
        interactionId: record.id,
        type: messageTypeFor(kind),
        flags: MessageFlag.Loading | ((Number(data.flags) || 0) & MessageFlag.Ephemeral),
      });
      message.history.push({ content: "", embeds: [], components: [], at: message.createdAt });
      ctx.state.storeMessage(message);
      record.originalId = message.id;
      dispatchCreate(ctx, message);
      break;
    }
    case CallbackType.DeferredUpdate:
    case CallbackType.UpdateMessage: {
      if (!fromComponent)
        throw wrongCallback("Only component interactions (or modals opened from one) can update a message.");
      message = ctx.state.messageById.get(record.sourceMessageId!);
      record.originalId = record.sourceMessageId;
      if (type === CallbackType.UpdateMessage && message) {
        applyEdit(message, data as MessageBody, req.files);
        dispatchUpdate(ctx, message);
      }
      break;
    }
    case CallbackType.Autocomplete: {
      if (kind !== InteractionType.Autocomplete) throw wrongCallback("Type 8 answers autocomplete interactions only.");
      const choices = (data.choices as unknown[] | undefined) ?? [];
      if (choices.length > 25) {
        throw invalidFormBody([
          { path: "data.choices", code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length." },
        ]);
      }
      break;
    }
    case CallbackType.Modal: {
      if (kind === InteractionType.ModalSubmit || kind === InteractionType.Autocomplete) {
        throw wrongCallback("A modal cannot answer a modal submit or autocomplete.");
      }
      validateModal(data);
      ctx.state.modals.push({ interactionId: record.id, data });
      break;
    }
    case CallbackType.Pong:
    case 10:
    case 12:
      break;
    default:
      throw wrongCallback(`Unknown interaction callback type ${body.type}.`);
  }

  record.callback = { type, data: body.data, files: req.files, at: Date.now() };
  ctx.state.changed();
  if (req.query.get("with_response") !== "true") return noContent();
  return json({
    interaction: {
      id: record.id,
      type: kind,
      activity_instance_id: null,
      response_message_id: message?.id ?? null,
      response_message_loading: message ? Boolean(message.flags & MessageFlag.Loading) : null,
      response_message_ephemeral: message ? Boolean(message.flags & MessageFlag.Ephemeral) : null,
    },
    resource: { type, ...(message && { message: messageJson(ctx, message) }) },
  });
}

/** 20 for slash-command responses, 23 for context-menu ones, 0 for everything else. */
function messageTypeFor(interactionType: number): number {
  return interactionType === InteractionType.ApplicationCommand ? 20 : 0;
}

function respondWithMessage(
  ctx: FakeContext,
  record: InteractionRecord,
  body: MessageBody,
  req: RouteRequest,
): StoredMessage {
  const message = botMessage(ctx, record.channelId, body, req.files, {
    webhookId: ctx.applicationId,
    interactionId: record.id,
    type: messageTypeFor(record.payload.type as number),
  });
  ctx.state.storeMessage(message);
  record.originalId = message.id;
  dispatchCreate(ctx, message);
  return message;
}

function validateModal(data: Record<string, unknown>): void {
  const problems: { path: string; code: string; message: string }[] = [];
  if (!data.custom_id)
    problems.push({ path: "data.custom_id", code: "BASE_TYPE_REQUIRED", message: "This field is required" });
  if (typeof data.title !== "string" || data.title.length === 0 || data.title.length > 45) {
    problems.push({ path: "data.title", code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 45 in length." });
  }
  const components = (data.components as unknown[] | undefined) ?? [];
  if (components.length < 1 || components.length > 5) {
    problems.push({
      path: "data.components",
      code: "BASE_TYPE_BAD_LENGTH",
      message: "Must be between 1 and 5 in length.",
    });
  }
  if (problems.length > 0) throw invalidFormBody(problems);
}

function webhookRecord(ctx: FakeContext, req: RouteRequest): InteractionRecord {
  const record = ctx.state.interactionByToken.get(req.params.token!);
  if (!record || req.params.app !== ctx.applicationId) throw Errors.unknownWebhook();
  return record;
}

function webhookMessage(ctx: FakeContext, req: RouteRequest): { record: InteractionRecord; message: StoredMessage } {
  const record = webhookRecord(ctx, req);
  const id = req.params.message === "@original" ? record.originalId : req.params.message;
  const message = id ? ctx.state.messageById.get(id) : undefined;
  const ours = id === record.originalId || record.followUpIds.includes(id ?? "");
  if (!message || message.deleted || !ours) throw Errors.unknownMessage();
  return { record, message };
}

function followUp(req: RouteRequest, ctx: FakeContext): RouteResponse {
  const record = webhookRecord(ctx, req);
  if (!record.callback) throw Errors.unknownWebhook();
  const body = (req.body ?? {}) as MessageBody;
  const original = record.originalId ? ctx.state.messageById.get(record.originalId) : undefined;
  let message: StoredMessage;
  if (original && original.flags & MessageFlag.Loading) {
    // Discord turns the first follow-up after a deferred reply into that reply.
    applyEdit(original, body, req.files);
    dispatchUpdate(ctx, original);
    message = original;
  } else {
    message = botMessage(ctx, record.channelId, body, req.files, {
      webhookId: ctx.applicationId,
      interactionId: record.id,
    });
    ctx.state.storeMessage(message);
    record.followUpIds.push(message.id);
    dispatchCreate(ctx, message);
  }
  ctx.state.changed();
  return req.query.get("wait") === "true" ? json(messageJson(ctx, message)) : noContent();
}

const messagePath = "/webhooks/:app/:token/messages/:message";

export const interactionRoutes: RouteDef[] = [
  { method: "POST", template: "/interactions/:interaction/:token/callback", interaction: true, handle: callback },
  { method: "POST", template: "/webhooks/:app/:token", interaction: true, handle: followUp },
  {
    method: "GET",
    template: messagePath,
    interaction: true,
    handle: (req, ctx) => json(messageJson(ctx, webhookMessage(ctx, req).message)),
  },
  {
    method: "PATCH",
    template: messagePath,
    interaction: true,
    handle: (req, ctx) => {
      const { message } = webhookMessage(ctx, req);
      applyEdit(message, (req.body ?? {}) as MessageBody, req.files);
      ctx.state.changed();
      dispatchUpdate(ctx, message);
      return json(messageJson(ctx, message));
    },
  },
  {
    method: "DELETE",
    template: messagePath,
    interaction: true,
    handle: (req, ctx) => {
      const { message } = webhookMessage(ctx, req);
      message.deleted = true;
      ctx.state.changed();
      dispatchDelete(ctx, message);
      return noContent();
    },
  },
];
