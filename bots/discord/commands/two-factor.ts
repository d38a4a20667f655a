import QRCode from "qrcode";
import { z } from "zod";
import {
  confirmTwoFactor,
  disableTwoFactor,
  startTwoFactor,
  twoFactorState,
} from "../../../core/security/two-factor.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { customId } from "../kit/custom-id.ts";
import type { Caller } from "../kit/handler-input.ts";
import { parseOptions } from "../kit/options.ts";
import { button, type ModalView } from "../kit/view.ts";

const NAME = "2fa";
const options = z.object({ action: z.enum(["setup", "off"]).default("setup") });

/** The one-field form a TOTP code is typed in (never a command option, never echoed). */
export const codeForm = (id: string, title: string, input: Caller, hint?: string): ModalView => ({
  id,
  title,
  fields: [{ id: "code", label: input.t("two-factor-form-code"), hint, minLength: 6, maxLength: 9 }],
});

/**
 * /2fa [action]: "setup" (default) answers privately with the QR code and the manual key, and a button that
 * opens the form for the first code; confirming replaces that message, so the key does not stay on screen.
 * "off" asks for a current code in a form. Wrong codes count towards the lockout shared with Telegram.
 */
export const twoFactorCommand: CommandModule = {
  name: NAME,
  place: "anywhere",
  description: "help-command-2fa",
  build: (b, { text }) =>
    b.addStringOption((o) =>
      text
        .describe(o.setName("action"), "discord-2fa-option-action")
        .addChoices(text.choice("discord-2fa-choice-setup", "setup"), text.choice("discord-2fa-choice-off", "off")),
    ),

  async run(input, res, deps) {
    const { t } = input;
    const { action } = parseOptions(options, input);
    const state = await twoFactorState({ userId: input.userId }, deps);
    if (action === "off") {
      if (state !== "on") return void (await res.reply({ text: t("two-factor-not-on") }));
      return res.showModal(codeForm(customId(NAME, "off"), t("two-factor-form-title"), input));
    }
    if (state === "on") return void (await res.reply({ text: t("discord-two-factor-already-on") }));
    const { secret, uri } = await startTwoFactor(
      { userId: input.userId, issuer: deps.totpIssuer, label: input.displayName || `discord-${input.discordUserId}` },
      deps,
    );
    const png = await QRCode.toBuffer(uri, { type: "png", margin: 2, width: 320 });
    input.log.info("2fa enrolment started");
    await res.reply({
      embeds: [
        { description: t("discord-two-factor-setup", { secret: `\`${secret}\`` }), image: "2fa.png", tone: "info" },
      ],
      files: [{ name: "2fa.png", data: png }],
      rows: [[button(customId(NAME, "confirm"), t("two-factor-form-open"), "primary")]],
    });
  },

  async component(input, res) {
    if (input.action !== "confirm") return void (await res.update({ text: input.t("common-menu-expired") }));
    await res.showModal(codeForm(customId(NAME, "confirm"), input.t("two-factor-form-title"), input));
  },

  async modal(input, res, deps) {
    const { t } = input;
    const code = input.fields.code ?? "";
    if (input.action === "confirm") {
      await confirmTwoFactor({ userId: input.userId, code }, deps);
      // Replaces the message with the QR code and the key.
      return res.update({ text: t("two-factor-enabled") });
    }
    if (input.action === "off") {
      await disableTwoFactor({ userId: input.userId, code }, deps);
      return res.reply({ text: t("two-factor-disabled") });
    }
    await res.reply({ text: t("common-menu-expired") });
  },
};
