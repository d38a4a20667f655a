import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AppError } from "../platform/errors.ts";

// Prompts are files under prompts/ so that they are reviewed like code, not strings buried in it.
const promptsDir = fileURLToPath(new URL("../../prompts/", import.meta.url));

export type PromptName = "system" | "answer" | "escalation";

const cache = new Map<PromptName, string>();

/** The prompt's text without its leading `<!-- … -->` note to reviewers. Read once per process. */
export function loadPrompt(name: PromptName): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(`${promptsDir}${name}.md`, "utf8")
      .replace(/^<!--[\s\S]*?-->\s*/, "")
      .trimEnd();
    cache.set(name, text);
  }
  return text;
}

/**
 * Fills `{{name}}` placeholders. A placeholder without a value, or a value the prompt has no place for, is a bug
 * (a renamed placeholder would otherwise send the model a literal "{{question}}"), so both throw.
 */
export function renderPrompt(name: PromptName, vars: Record<string, string | number>): string {
  const text = loadPrompt(name);
  const used = new Set<string>();
  const rendered = text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new AppError("INTERNAL", `prompt ${name}: no value for {{${key}}}`);
    used.add(key);
    return String(value);
  });
  const unused = Object.keys(vars).filter((k) => !used.has(k));
  if (unused.length) throw new AppError("INTERNAL", `prompt ${name}: no placeholder for ${unused.join(", ")}`);
  return rendered;
}
