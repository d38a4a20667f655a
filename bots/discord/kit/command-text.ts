import { type APIApplicationCommandOptionChoice, Locale, type LocalizationMap } from "discord.js";
import type { Translator } from "../../shared/wording/translator.ts";

// Discord caps descriptions and choice names at 100 characters.
const MAX = 100;
const clip = (s: string) => (s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);

/** Localised texts for command builders: English as the default, the other languages as Discord localizations. */
export interface CommandText {
  /** The default (English) text of a key. */
  text(key: string): string;
  /** The key in every other language, per Discord locale ("es" → es-ES and es-419). */
  localizations(key: string): LocalizationMap;
  /** Sets description and description localizations on a command, subcommand or option builder. */
  describe<B extends Describable>(builder: B, key: string): B;
  /** A choice whose name is localised. */
  choice<V extends string | number>(key: string, value: V): APIApplicationCommandOptionChoice<V>;
}

interface Describable {
  setDescription(description: string): unknown;
  setDescriptionLocalizations(localizations: LocalizationMap | null): unknown;
}

export function commandText(translator: Translator): CommandText {
  const fallback = translator.locales[0] ?? "en";
  // Every Discord locale whose negotiated language is not the fallback gets that language's text.
  const byLanguage = new Map<string, Locale[]>();
  for (const locale of Object.values(Locale)) {
    const lang = translator.negotiate(locale);
    if (lang === fallback) continue;
    byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), locale]);
  }
  const text = (key: string) => clip(translator.t(fallback, key));
  const localizations = (key: string): LocalizationMap => {
    const map: LocalizationMap = {};
    for (const [lang, locales] of byLanguage) {
      const value = clip(translator.t(lang, key));
      for (const locale of locales) map[locale] = value;
    }
    return map;
  };
  return {
    text,
    localizations,
    describe(builder, key) {
      builder.setDescription(text(key));
      builder.setDescriptionLocalizations(localizations(key));
      return builder;
    },
    choice: (key, value) => ({ name: text(key), name_localizations: localizations(key), value }),
  };
}
