import {
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageComponentInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
} from "discord.js";
import type { Responder } from "./handler-input.ts";
import { renderMessage, renderModal } from "./render-view.ts";

type Answerable = ChatInputCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;

/** The responder over a discord.js interaction: every message is ephemeral; the first answer decides the rest. */
export function discordResponder(interaction: Answerable): Responder & { answered(): boolean } {
  // "update" after deferUpdate(): the component's message is edited through editReply.
  let state: "fresh" | "deferred" | "replied" | "modal" = "fresh";
  const canUpdate = interaction.isMessageComponent() || (interaction.isModalSubmit() && interaction.isFromMessage());

  const reply: Responder["reply"] = async (view) => {
    const payload = renderMessage(view);
    if (state === "fresh") {
      await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral } as InteractionReplyOptions);
      state = "replied";
    } else if (state === "deferred") {
      await interaction.editReply(payload);
      state = "replied";
    } else if (state === "replied") {
      await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral } as InteractionReplyOptions);
    } else {
      throw new Error("a form was shown: this interaction takes no other answer");
    }
  };

  return {
    reply,
    async defer() {
      if (state !== "fresh") return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      state = "deferred";
    },
    async update(view) {
      if (!canUpdate || state !== "fresh") return reply(view);
      const payload = renderMessage(view, "replace");
      await (interaction as MessageComponentInteraction).update(payload as InteractionUpdateOptions);
      state = "replied";
    },
    async showModal(modal) {
      if (state !== "fresh" || interaction.isModalSubmit()) {
        throw new Error("a form can only be the first answer to a command or a button");
      }
      await interaction.showModal(renderModal(modal));
      state = "modal";
    },
    answered: () => state !== "fresh",
  };
}
