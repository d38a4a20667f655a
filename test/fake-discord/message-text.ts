// What a person would read and could press on a message: tests assert on this rather than on raw JSON.
import type { Component, Embed } from "./models.ts";

interface HasBody {
  content: string;
  embeds: Embed[];
  components: Component[];
}

/** Content, then each embed's author, title, description, fields ("name: value") and footer, then v2 text blocks. */
export function messageText(m: HasBody): string {
  const lines: string[] = [];
  if (m.content) lines.push(m.content);
  for (const e of m.embeds) {
    for (const part of [e.author?.name, e.title, e.description]) if (part) lines.push(part);
    for (const f of e.fields ?? []) lines.push(`${f.name}: ${f.value}`);
    if (e.footer?.text) lines.push(e.footer.text);
  }
  walk(m.components, (c) => {
    // Components v2: text display (10) carries markdown content.
    if (c.type === 10 && typeof c.content === "string") lines.push(c.content);
  });
  return lines.join("\n");
}

export interface ButtonView {
  customId?: string;
  label?: string;
  style?: number;
  url?: string;
  disabled: boolean;
  emoji?: string;
}

export interface SelectView {
  customId: string;
  /** 3 string select, 5 user, 6 role, 7 mentionable, 8 channel. */
  type: number;
  placeholder?: string;
  options: { label: string; value: string; description?: string; default?: boolean }[];
  minValues: number;
  maxValues: number;
  disabled: boolean;
}

export function buttonsOf(m: Pick<HasBody, "components">): ButtonView[] {
  const out: ButtonView[] = [];
  walk(m.components, (c) => {
    if (c.type !== 2) return;
    const emoji = c.emoji as { name?: string } | undefined;
    out.push({
      customId: c.custom_id,
      label: c.label as string | undefined,
      style: c.style as number | undefined,
      url: c.url as string | undefined,
      disabled: Boolean(c.disabled),
      emoji: emoji?.name,
    });
  });
  return out;
}

export function selectsOf(m: Pick<HasBody, "components">): SelectView[] {
  const out: SelectView[] = [];
  walk(m.components, (c) => {
    if (![3, 5, 6, 7, 8].includes(c.type) || !c.custom_id) return;
    out.push({
      customId: c.custom_id,
      type: c.type,
      placeholder: c.placeholder as string | undefined,
      options: (c.options as SelectView["options"] | undefined) ?? [],
      minValues: (c.min_values as number | undefined) ?? 1,
      maxValues: (c.max_values as number | undefined) ?? 1,
      disabled: Boolean(c.disabled),
    });
  });
  return out;
}

/** Visits every component, inside action rows, sections, containers and labels. */
export function walk(components: Component[] | undefined, visit: (c: Component) => void): void {
  for (const c of components ?? []) {
    visit(c);
    walk(c.components, visit);
    const single = [c.accessory, c.component].filter(Boolean) as Component[];
    walk(single, visit);
  }
}

/** A modal's text inputs (type 4) and selects, in order, with whether each must be filled. */
export function modalFields(modal: {
  components?: Component[];
}): { customId: string; type: number; required: boolean; label?: string }[] {
  const out: { customId: string; type: number; required: boolean; label?: string }[] = [];
  for (const top of modal.components ?? []) {
    const inner = top.type === 18 ? [top.component as Component] : (top.components ?? []);
    for (const c of inner) {
      if (!c?.custom_id) continue;
      const label = (top.type === 18 ? top.label : c.label) as string | undefined;
      out.push({ customId: c.custom_id, type: c.type, required: c.required !== false, label });
    }
  }
  return out;
}
