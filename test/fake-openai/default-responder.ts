/** What the fake answers to a chat completion unless a test sets its own responder. */
export interface FakeChatMessage {
  role: string;
  content: string | Array<{ type: string; text?: string }> | null;
}

export interface FakeChatRequest {
  model: string;
  messages: FakeChatMessage[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  [key: string]: unknown;
}

/**
 * A responder returns the assistant message's content: a string as is, anything else as JSON. It may be async
 * (a test can hold it to simulate a slow model).
 */
export type ChatResponder = (request: FakeChatRequest) => unknown;

export function messageText(m: FakeChatMessage): string {
  if (typeof m.content === "string") return m.content;
  if (Array.isArray(m.content)) return m.content.map((p) => p.text ?? "").join("");
  return "";
}

export function promptText(request: FakeChatRequest): string {
  return request.messages.map(messageText).join("\n");
}

/**
 * Answers like a well-behaved model: cites the first `[source: …]` the prompt holds, confidently; with none
 * given, it says so and asks for a human.
 */
export const defaultChatResponder: ChatResponder = (request) => {
  const source = /\[source:\s*([^\]]+?)\s*\]/.exec(promptText(request))?.[1];
  if (source)
    return {
      answer: `According to ${source}, here is how it works.`,
      confidence: 0.9,
      sources: [source],
      needs_human: false,
    };
  return { answer: "I could not find this in the documentation.", confidence: 0.1, sources: [], needs_human: true };
};
