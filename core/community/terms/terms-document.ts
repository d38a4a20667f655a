import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const TERMS_PATH = fileURLToPath(new URL("../../../docs/terms.md", import.meta.url));

export interface TermsDocument {
  /** The first 12 hex characters of the document's sha256: any edit, however small, is a new version. */
  version: string;
  markdown: string;
}

/** Reads a terms document and names its version by its content. */
export function readTermsDocument(path: string = TERMS_PATH): TermsDocument {
  const markdown = readFileSync(path, "utf8");
  return { version: termsHash(markdown), markdown };
}

export function termsHash(markdown: string): string {
  return createHash("sha256").update(markdown).digest("hex").slice(0, 12);
}

let current: TermsDocument | undefined;

/**
 * The version of docs/terms.md as this process found it: read once, on first use (start-up), so a terms change
 * takes effect with a deploy, never half-way through someone's consent.
 */
export function termsVersion(): string {
  current ??= readTermsDocument();
  return current.version;
}
