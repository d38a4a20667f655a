/**
 * Transport-neutral wording for every bot (Telegram, Discord, and any later one).
 *
 * What a command says lives in Project Fluent files, `locales/<lang>/<feature>.ftl` (English `en` is complete
 * and is the fallback; Spanish `es` is the second language). Bots hold no sentences themselves: they pick
 * message keys and render the plain text in their own way (Telegram: text + inline keyboards; Discord: embeds,
 * buttons, selects, modals). Adding a transport means rendering the same keys, not copying a feature.
 *
 * Keys: every key starts with the name of its file (`link-ask-key` in link.ftl, `common-status` in common.ftl),
 * kebab-case; `key.attribute` reaches a Fluent attribute. Where transports truly differ, a neutral key is
 * accompanied by small transport-specific ones: `link-ask-key` (a chat asks for one part per message) next to
 * `link-form-*` (one form holds every part), `two-factor-setup` next to `two-factor-scan` + `two-factor-form-*`.
 * Discord-only texts (option descriptions, placeholders) live in discord.ftl. Money, prices and quantities are
 * passed pre-formatted as strings (./format.ts) so Fluent never groups or rounds them; counts are numbers, so
 * plurals select on them.
 *
 * How the bots use it:
 *
 *   - Telegram reads the same directory through `@grammyjs/i18n` (`ctx.t(key, args)`, see
 *     bots/telegram/middleware/i18n.ts), with the same negotiation (`negotiateLocale`) and bundle options
 *     (`WORDING_BUNDLE_OPTIONS`), so both bots say the same thing the same way.
 *   - Discord, and code outside a grammY update (the notifiers, the Telegram command menu), use this module:
 *
 *       const t = wording().forLocale(interaction.locale);   // "es-ES" → es; the process-wide translator
 *       t("link-form-title", { exchange: "okx" });           // plain text
 *       wording().t(recipient.locale, "panic-done", { paused: 3 });
 *
 *   - Shared renderers next to this file take a bound `T`: notificationText (notifications), errorText (an
 *     AppError for people, honouring `details.wording` keys raised by a bot), commandList/helpText (menus), and
 *     the number/name formatting in format.ts.
 *
 * Locale negotiation: the user's language (Telegram `language_code` such as "es", Discord `locale` such as
 * "es-ES", "es-419" or "en-US") is matched against the languages under `locales/`; anything unknown, empty or
 * malformed gets English. A key missing in the chosen language falls back to English for that message only.
 *
 * Missing keys: a key that exists in no language is a programming error. By default the translator THROWS
 * (`MissingWordingError`), so a typo fails the first test that reaches it; `onMissing: "key"` returns the key
 * instead and logs it (for a production process that prefers a raw key to an error reply). translator.test.ts
 * fails CI when a language lacks a key English has (or has one English lacks), when a message references an
 * argument English does not take, when a file does not parse, and when a bot asks for a key that does not exist.
 *
 * Formatting: bundles use `useIsolating: false`, so no Unicode bidi isolation marks (U+2068/U+2069) end up around
 * interpolated values in chat text.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource } from "@fluent/bundle";

/** Arguments a message may take. Pre-format money and quantities as strings. */
export type WordingArgs = Record<string, string | number>;

/** Wording bound to one locale: what every bot renders from. */
export type T = (key: string, args?: WordingArgs) => string;
/** Alias of {@link T}. */
export type Wording = T;

export interface Translator {
  /** Formats `key` in the best language for `locale` (English when unknown or missing). */
  t(locale: string | null | undefined, key: string, args?: WordingArgs): string;
  /** The same, bound to one locale. */
  forLocale(locale: string | null | undefined): T;
  /** The language chosen for a user's locale, e.g. "es-ES" → "es", "fr" → "en". */
  negotiate(locale: string | null | undefined): string;
  /** Whether `key` exists in the fallback language. */
  has(key: string): boolean;
  /** Languages found under the locales directory, the default first. */
  locales: string[];
  /** One bundle per language (read-only use, e.g. listing keys in tests). */
  bundles: ReadonlyMap<string, FluentBundle>;
}

export interface TranslatorOptions {
  /** Directory holding `<lang>/*.ftl`; defaults to the repository's `locales/`. */
  dir?: string;
  /** Fallback language; defaults to "en". */
  defaultLocale?: string;
  /** What a key missing in every language does: throw (default) or return the key. */
  onMissing?: "throw" | "key";
  /** Receives formatting problems and (with `onMissing: "key"`) missing keys. */
  log?: (message: string) => void;
}

export const DEFAULT_LOCALE = "en";

/** Bundle options shared by both bots (also given to `@grammyjs/i18n`). */
export const WORDING_BUNDLE_OPTIONS = { useIsolating: false } as const;

/** Absolute path of the repository's `locales/` directory. */
export const LOCALES_DIR = fileURLToPath(new URL("../../../locales", import.meta.url));

export class MissingWordingError extends Error {
  constructor(readonly key: string) {
    super(`No wording for key "${key}" in any language`);
    this.name = "MissingWordingError";
  }
}

/** Reads `dir/<lang>/**.ftl` into one source text per language. */
export function readLocaleSources(dir: string = LOCALES_DIR): Map<string, { file: string; source: string }[]> {
  const out = new Map<string, { file: string; source: string }[]>();
  for (const lang of readdirSync(dir).sort()) {
    const langDir = join(dir, lang);
    if (!statSync(langDir).isDirectory()) continue;
    const files = listFtl(langDir);
    if (files.length === 0) continue;
    out.set(
      lang,
      files.map((file) => ({ file, source: readFileSync(file, "utf8") })),
    );
  }
  return out;
}

function listFtl(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...listFtl(path));
    else if (name.endsWith(".ftl")) found.push(path);
  }
  return found;
}

/** Builds one FluentBundle per language. Syntax errors and duplicate keys throw. */
export function loadBundles(dir: string = LOCALES_DIR): Map<string, FluentBundle> {
  const bundles = new Map<string, FluentBundle>();
  for (const [lang, files] of readLocaleSources(dir)) {
    const bundle = new FluentBundle(lang, WORDING_BUNDLE_OPTIONS);
    for (const { file, source } of files) {
      const resource = new FluentResource(source);
      const problems = [...junkIn(source, resource), ...bundle.addResource(resource).map((e) => e.message)];
      if (problems.length > 0) throw new Error(`Invalid wording in ${file}: ${problems.join("; ")}`);
    }
    bundles.set(lang, bundle);
  }
  return bundles;
}

/**
 * The runtime parser drops what it cannot read without a word. Every line that starts at the margin must be a
 * comment or open a message ("id = ..."), and every message opened must have been read.
 */
function junkIn(source: string, resource: FluentResource): string[] {
  const read = new Set(resource.body.map((entry) => entry.id));
  const problems: string[] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || /^[\s#]/.test(line)) return;
    const id = /^(-?[a-zA-Z][\w-]*)\s*=/.exec(line)?.[1];
    if (!id) problems.push(`line ${i + 1} is not a message: ${line.slice(0, 40)}`);
    else if (!read.has(id)) problems.push(`message "${id}" (line ${i + 1}) could not be parsed`);
  });
  return problems;
}

/**
 * Negotiates a user's locale against the available languages: the exact tag if we have it ("pt-BR"), else its
 * language ("es-ES", "es-419", "es_MX" → "es"), else a regional variant of that language, else the default.
 */
export function negotiateLocale(
  locale: string | null | undefined,
  available: readonly string[],
  defaultLocale: string = DEFAULT_LOCALE,
): string {
  if (!locale) return defaultLocale;
  let wanted: Intl.Locale;
  try {
    wanted = new Intl.Locale(locale.trim().replace(/_/g, "-"));
  } catch {
    return defaultLocale;
  }
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const candidates = [wanted.baseName, wanted.region ? `${wanted.language}-${wanted.region}` : "", wanted.language];
  for (const candidate of candidates) {
    const hit = candidate && available.find((a) => same(a, candidate));
    if (hit) return hit;
  }
  return available.find((a) => same(a.split("-")[0] ?? "", wanted.language)) ?? defaultLocale;
}

export function createTranslator(options: TranslatorOptions = {}): Translator {
  const defaultLocale = options.defaultLocale ?? DEFAULT_LOCALE;
  const onMissing = options.onMissing ?? "throw";
  const log = options.log ?? ((message: string) => console.warn(message));
  const bundles = loadBundles(options.dir ?? LOCALES_DIR);
  const fallback = bundles.get(defaultLocale);
  if (!fallback) throw new Error(`No wording for the default language "${defaultLocale}"`);
  const locales = [defaultLocale, ...[...bundles.keys()].filter((l) => l !== defaultLocale)];
  const chosen = new Map<string, string>();

  const negotiate = (locale: string | null | undefined): string => {
    const cacheKey = locale ?? "";
    let lang = chosen.get(cacheKey);
    if (lang === undefined) {
      lang = negotiateLocale(locale, locales, defaultLocale);
      if (chosen.size < 1000) chosen.set(cacheKey, lang);
    }
    return lang;
  };

  const format = (bundle: FluentBundle, key: string, args?: WordingArgs): string | undefined => {
    const [id, attribute] = key.split(".", 2) as [string, string | undefined];
    const message = bundle.getMessage(id);
    if (!message) return undefined;
    const pattern = attribute ? message.attributes[attribute] : message.value;
    if (!pattern) return undefined;
    const errors: Error[] = [];
    const text = bundle.formatPattern(pattern, args, errors);
    if (errors.length > 0) log(`Wording "${key}" (${bundle.locales[0]}): ${errors.map((e) => e.message).join("; ")}`);
    return text;
  };

  const t = (locale: string | null | undefined, key: string, args?: WordingArgs): string => {
    const lang = negotiate(locale);
    const bundle = bundles.get(lang);
    const text =
      (bundle && format(bundle, key, args)) ?? (lang === defaultLocale ? undefined : format(fallback, key, args));
    if (text !== undefined) return text;
    if (onMissing === "throw") throw new MissingWordingError(key);
    log(`Missing wording "${key}"`);
    return key;
  };

  return {
    t,
    forLocale: (locale) => {
      const lang = negotiate(locale);
      return (key, args) => t(lang, key, args);
    },
    negotiate,
    has: (key) => {
      const [id, attribute] = key.split(".", 2) as [string, string | undefined];
      const message = fallback.getMessage(id);
      return (
        message !== undefined && (attribute ? message.attributes[attribute] !== undefined : message.value !== null)
      );
    },
    locales,
    bundles,
  };
}

let shared: Translator | undefined;

/** The process-wide translator over the repository's `locales/` (lazy). */
export function wording(): Translator {
  shared ??= createTranslator();
  return shared;
}
