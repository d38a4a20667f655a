// The follower wants a person, in English or Spanish: that alone opens a ticket, whatever the model thinks.
const human =
  /\b(human|humano|real person|a person|una persona|agent|agente|operator|operador|someone from (the )?team|support team|staff|soporte humano)\b/i;
const verbs =
  /\b(talk|speak|chat|contact|connect|hablar|habla|contactar|quiero|necesito|want|need|let me|can i|pasame|pásame|ponme)\b/i;

export function asksForHuman(question: string): boolean {
  const q = question.normalize("NFC");
  if (!human.test(q)) return false;
  // "human" alone, or with a verb of asking for contact ("talk to an agent", "quiero hablar con un humano").
  return verbs.test(q) || q.trim().split(/\s+/).length <= 3;
}
