import { Errors, invalidFormBody } from "./errors.ts";
import type { Component, Embed } from "./models.ts";

type Problem = { path: string; code: string; message: string };

/**
 * Discord's documented size limits for message bodies. A bot that passes here may still be rejected by Discord for
 * subtler reasons, but one that fails here would certainly be rejected in production.
 */
export function validateMessageBody(body: MessageBody, opts: { isEdit: boolean; fileCount: number }): void {
  const problems: Problem[] = [];
  const max = (path: string, value: string | undefined, limit: number) => {
    if (value !== undefined && value !== null && value.length > limit) {
      problems.push({ path, code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${limit} or fewer in length.` });
    }
  };
  max("content", body.content, 2000);

  const embeds = body.embeds ?? [];
  if (embeds.length > 10) {
    problems.push({ path: "embeds", code: "BASE_TYPE_MAX_LENGTH", message: "Must be 10 or fewer in length." });
  }
  let embedChars = 0;
  embeds.forEach((e: Embed, i) => {
    max(`embeds.${i}.title`, e.title, 256);
    max(`embeds.${i}.description`, e.description, 4096);
    max(`embeds.${i}.author.name`, e.author?.name, 256);
    max(`embeds.${i}.footer.text`, e.footer?.text, 2048);
    const fields = e.fields ?? [];
    if (fields.length > 25) {
      problems.push({
        path: `embeds.${i}.fields`,
        code: "BASE_TYPE_MAX_LENGTH",
        message: "Must be 25 or fewer in length.",
      });
    }
    fields.forEach((f, j) => {
      for (const key of ["name", "value"] as const) {
        if (!f[key])
          problems.push({
            path: `embeds.${i}.fields.${j}.${key}`,
            code: "BASE_TYPE_REQUIRED",
            message: "This field is required",
          });
      }
      max(`embeds.${i}.fields.${j}.name`, f.name, 256);
      max(`embeds.${i}.fields.${j}.value`, f.value, 1024);
    });
    embedChars += [e.title, e.description, e.author?.name, e.footer?.text, ...fields.flatMap((f) => [f.name, f.value])]
      .map((s) => s?.length ?? 0)
      .reduce((a, b) => a + b, 0);
  });
  if (embedChars > 6000) {
    problems.push({
      path: "embeds",
      code: "MAX_EMBED_SIZE_EXCEEDED",
      message: "Embed size exceeds maximum size of 6000",
    });
  }
  validateComponents(body.components ?? [], body.flags ?? 0, problems);
  if (problems.length > 0) throw invalidFormBody(problems);

  const empty =
    !body.content &&
    embeds.length === 0 &&
    (body.components ?? []).length === 0 &&
    opts.fileCount === 0 &&
    !body.poll &&
    !body.sticker_ids?.length;
  if (!opts.isEdit && empty) throw Errors.emptyMessage();
}

const IS_COMPONENTS_V2 = 1 << 15;

function validateComponents(components: Component[], flags: number, problems: Problem[]): void {
  if (flags & IS_COMPONENTS_V2) return;
  if (components.length > 5) {
    problems.push({ path: "components", code: "BASE_TYPE_MAX_LENGTH", message: "Must be 5 or fewer in length." });
  }
  components.forEach((row, i) => {
    if (row.type !== 1) {
      problems.push({
        path: `components.${i}.type`,
        code: "UNION_TYPE_CHOICES",
        message: "Top-level components must be action rows.",
      });
      return;
    }
    const children = row.components ?? [];
    const buttons = children.filter((c) => c.type === 2).length;
    if (buttons > 5 || (buttons > 0 && buttons !== children.length) || children.length === 0) {
      problems.push({
        path: `components.${i}.components`,
        code: "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
        message: "An action row holds up to 5 buttons or 1 select menu.",
      });
    }
    children.forEach((c, j) => {
      const path = `components.${i}.components.${j}`;
      if (typeof c.custom_id === "string" && c.custom_id.length > 100) {
        problems.push({
          path: `${path}.custom_id`,
          code: "BASE_TYPE_MAX_LENGTH",
          message: "Must be 100 or fewer in length.",
        });
      }
      if (c.type === 2 && typeof c.label === "string" && c.label.length > 80) {
        problems.push({
          path: `${path}.label`,
          code: "BASE_TYPE_MAX_LENGTH",
          message: "Must be 80 or fewer in length.",
        });
      }
      // Link (5) and premium (6) buttons have no custom_id; every other interactive component needs one.
      const needsCustomId = c.type !== 2 || (c.style !== 5 && c.style !== 6);
      if (needsCustomId && !c.custom_id) {
        problems.push({ path: `${path}.custom_id`, code: "BASE_TYPE_REQUIRED", message: "This field is required" });
      }
    });
  });
}

/** The message fields a bot sends (create or edit). */
export interface MessageBody {
  content?: string;
  embeds?: Embed[];
  components?: Component[];
  attachments?: { id: string | number; filename?: string; description?: string }[];
  flags?: number;
  nonce?: string | number;
  message_reference?: { message_id?: string; channel_id?: string; guild_id?: string };
  poll?: unknown;
  sticker_ids?: string[];
  [key: string]: unknown;
}
