// Components and modals carry their state in their custom id ("<command>:<action>:<arg>..."): nothing is kept
// between a question and its answer, so a restart loses nothing. Discord caps a custom id at 100 characters.

const SEP = ":";
const MAX = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ParsedCustomId {
  command: string;
  action: string;
  args: string[];
}

/** "<command>:<action>:<args>"; no part may hold ":". */
export function customId(command: string, action: string, ...args: string[]): string {
  const parts = [command, action, ...args];
  if (parts.some((p) => p.includes(SEP))) throw new Error(`custom id parts may not contain "${SEP}"`);
  const id = parts.join(SEP);
  if (id.length > MAX) throw new Error(`custom id longer than ${MAX} characters: ${id}`);
  return id;
}

export function parseCustomId(id: string): ParsedCustomId {
  const [command = "", action = "", ...args] = id.split(SEP);
  return { command, action, args };
}

/** A UUID in 22 characters (base64url of its 16 bytes), so two of them fit in one custom id with room to spare. */
export function packId(uuid: string): string {
  if (!UUID.test(uuid)) throw new Error("not a uuid");
  return Buffer.from(uuid.replace(/-/g, ""), "hex").toString("base64url");
}

/** The UUID `packId` packed; null for anything else (an id from an older build, or tampered). */
export function unpackId(packed: string | undefined): string | null {
  if (!packed || !/^[A-Za-z0-9_-]{22}$/.test(packed)) return null;
  const hex = Buffer.from(packed, "base64url").toString("hex");
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
