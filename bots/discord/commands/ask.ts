import { z } from "zod";
import { escalateAnswer, markHelpful } from "../../../core/support/answer-feedback.ts";
import { answerQuestion } from "../../../core/support/answer-question.ts";
import type { SupportReply } from "../../../core/support/support-types.ts";
import {
  escalatedText,
  isWebLink,
  type SupportMarkup,
  sourceLabel,
  supportButtons,
  supportReplyText,
} from "../../shared/wording/support-text.ts";
import type { T } from "../../shared/wording/translator.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { customId, packId, unpackId } from "../kit/custom-id.ts";
import { parseOptions } from "../kit/options.ts";
import { button, type View } from "../kit/view.ts";

const options = z.object({ question: z.string().trim().min(1, { error: "is required" }).max(4000) });

// Discord renders Markdown in embeds: a source is a masked link labelled with its heading when the docs are on the
// web (SUPPORT_DOCS_URL), its path otherwise.
const markdown: SupportMarkup = {
  text: (s) => s,
  link: (s) => (isWebLink(s.link) ? `[${sourceLabel(s).replace(/[[\]]/g, "")}](${s.link})` : s.link),
};

/** A support reply as a message: the shared wording in an embed, and its "Helpful" / "Talk to a human" buttons. */
export function supportView(reply: SupportReply, t: T): View {
  const buttons = reply.answerId
    ? supportButtons(reply, t).map((b) =>
        button(
          customId("ask", b.action, packId(reply.answerId ?? "")),
          b.label,
          b.action === "human" ? "primary" : "secondary",
        ),
      )
    : [];
  return {
    embeds: [{ description: supportReplyText(reply, t, markdown), tone: reply.ticketId ? "warning" : "info" }],
    ...(buttons.length ? { rows: [buttons] } : {}),
  };
}

/**
 * /ask question: a question about Mimic, answered privately from the docs (core/support), with a ticket for a
 * person when that is not enough. Its buttons ("ask:helpful:<answer>", "ask:human:<answer>") also sit under the
 * answers to DMs.
 */
export const askCommand: CommandModule = {
  name: "ask",
  place: "anywhere",
  description: "support-command-ask",
  build: (b, { text }) =>
    b.addStringOption((o) =>
      text.describe(o.setName("question").setRequired(true).setMaxLength(4000), "support-option-question"),
    ),

  async run(input, res, deps) {
    const { t } = input;
    const { question } = parseOptions(options, input);
    if (!deps.support) return void (await res.reply({ text: t("support-off") }));
    // The model may take seconds; Discord wants a first answer within three.
    await res.defer();
    const reply = await answerQuestion(
      { userId: input.userId, question, transport: "discord", locale: input.locale },
      deps.support,
    );
    input.log.info({ kind: reply.kind, answerId: reply.answerId, ticketId: reply.ticketId }, "support: answered");
    await res.reply(supportView(reply, t));
  },

  async component(input, res, deps) {
    const { t } = input;
    const answerId = unpackId(input.args[0]);
    if (!answerId) return void (await res.reply({ text: t("common-menu-expired") }));
    if (input.action === "helpful") {
      await markHelpful({ answerId, userId: input.userId }, deps);
      return void (await res.reply({ text: t("support-helpful-thanks") }));
    }
    if (input.action !== "human") return void (await res.reply({ text: t("common-menu-expired") }));
    if (!deps.support) return void (await res.reply({ text: t("support-off") }));
    const ticket = await escalateAnswer({ answerId, userId: input.userId, transport: "discord" }, deps.support);
    input.log.info({ ticketId: ticket.ticketId, created: ticket.created }, "support: follower asked for a human");
    await res.reply({ text: escalatedText(ticket, t) });
  },
};
