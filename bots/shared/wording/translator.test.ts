import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import type { FluentBundle } from "@fluent/bundle";
import type { Expression, Pattern } from "@fluent/bundle/esm/ast.js";
import { afterAll, describe, expect, it } from "vitest";
import { COMMAND_NAMES } from "./commands.ts";
import {
  createTranslator,
  DEFAULT_LOCALE,
  LOCALES_DIR,
  MissingWordingError,
  negotiateLocale,
  readLocaleSources,
} from "./translator.ts";

const translator = createTranslator();
const REPO = join(LOCALES_DIR, "..");

/** Variables, message references and functions a pattern uses, in every variant. */
function references(pattern: Pattern | null, out = { vars: new Set<string>(), messages: new Set<string>() }) {
  if (pattern === null || typeof pattern === "string") return out;
  const visit = (e: Expression): void => {
    switch (e.type) {
      case "var":
        out.vars.add(e.name);
        return;
      case "mesg":
        out.messages.add(e.attr ? `${e.name}.${e.attr}` : e.name);
        return;
      case "select":
        visit(e.selector);
        for (const v of e.variants) references(v.value, out);
        return;
      case "func":
      case "term":
        for (const a of e.args) if (a.type !== "narg") visit(a);
        return;
      default:
        return;
    }
  };
  for (const element of pattern) if (typeof element !== "string") visit(element);
  return out;
}

/** Every key ("id" or "id.attribute") of a bundle. */
function keysOf(bundle: FluentBundle): string[] {
  const keys: string[] = [];
  for (const [id, message] of bundle._messages) {
    if (message.value !== null) keys.push(id);
    for (const attr of Object.keys(message.attributes)) keys.push(`${id}.${attr}`);
  }
  return keys.sort();
}

function patternOf(bundle: FluentBundle, key: string): Pattern | null {
  const [id, attr] = key.split(".", 2) as [string, string | undefined];
  const message = bundle.getMessage(id);
  if (!message) return null;
  return attr ? (message.attributes[attr] ?? null) : message.value;
}

/** Variables a key needs, following message references (which share the caller's arguments). */
function variablesOf(bundle: FluentBundle, key: string, seen = new Set<string>()): Set<string> {
  const vars = new Set<string>();
  if (seen.has(key)) return vars;
  seen.add(key);
  const refs = references(patternOf(bundle, key));
  for (const v of refs.vars) vars.add(v);
  for (const m of refs.messages) for (const v of variablesOf(bundle, m, seen)) vars.add(v);
  return vars;
}

describe("translator", () => {
  const en = translator.bundles.get("en");
  const es = translator.bundles.get("es");

  it("offers English first, and Spanish", () => {
    expect(translator.locales[0]).toBe(DEFAULT_LOCALE);
    expect(translator.locales).toContain("es");
    expect(en).toBeDefined();
    expect(es).toBeDefined();
  });

  it("negotiates Telegram language codes and Discord locales; anything else is English", () => {
    const cases: [string | null | undefined, string][] = [
      ["es", "es"],
      ["es-ES", "es"],
      ["es-419", "es"],
      ["es_MX", "es"],
      ["ES", "es"],
      ["en", "en"],
      ["en-US", "en"],
      ["en-GB", "en"],
      ["fr", "en"],
      ["pt-BR", "en"],
      ["", "en"],
      [null, "en"],
      [undefined, "en"],
      ["not a locale!", "en"],
    ];
    for (const [locale, expected] of cases) expect([locale, translator.negotiate(locale)]).toEqual([locale, expected]);
    expect(negotiateLocale("es-AR", ["en", "es"])).toBe("es");
  });

  it("formats in the user's language, with no bidi isolation marks around arguments", () => {
    expect(translator.t("en", "link-linking", { exchange: "binanceusdm" })).toBe("Linking binanceusdm.");
    expect(translator.t("es-ES", "link-linking", { exchange: "binanceusdm" })).toBe("Vinculando binanceusdm.");
    const t = translator.forLocale("es");
    expect(t("panic-done", { paused: 1 })).toMatch(/^Pánico completado\. 1 suscripción pausada/);
    expect(t("panic-done", { paused: 3 })).toMatch(/3 suscripciones pausadas/);
    expect(translator.t("en", "panic-done", { paused: 1 })).toMatch(/1 subscription paused/);
    for (const text of [
      t("link-linking", { exchange: "x" }),
      translator.t("en", "help-line", { command: "a", description: "b" }),
    ])
      expect(text).not.toMatch(/[\u2066-\u2069]/);
  });

  describe("with a language that lacks a message", () => {
    const dir = mkdtempSync(join(tmpdir(), "wording-"));
    mkdirSync(join(dir, "en"));
    mkdirSync(join(dir, "es"));
    writeFileSync(join(dir, "en", "a.ftl"), "a-hello = Hello { $name }\na-only-english = Only English\n");
    writeFileSync(join(dir, "es", "a.ftl"), "a-hello = Hola { $name }\n");
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("falls back to English for that message only", () => {
      const t = createTranslator({ dir }).forLocale("es-MX");
      expect(t("a-hello", { name: "Ana" })).toBe("Hola Ana");
      expect(t("a-only-english")).toBe("Only English");
    });

    it("throws on a key that exists nowhere, or returns it and logs when asked to", () => {
      expect(() => createTranslator({ dir }).t("es", "a-nowhere")).toThrow(MissingWordingError);
      const logged: string[] = [];
      const lenient = createTranslator({ dir, onMissing: "key", log: (m) => logged.push(m) });
      expect(lenient.t("es", "a-nowhere")).toBe("a-nowhere");
      expect(logged).toEqual(['Missing wording "a-nowhere"']);
    });

    it("refuses a file with a syntax error or a key defined twice", () => {
      const bad = mkdtempSync(join(tmpdir(), "wording-bad-"));
      try {
        mkdirSync(join(bad, "en"));
        writeFileSync(join(bad, "en", "a.ftl"), "a-one = One\n");
        writeFileSync(join(bad, "en", "b.ftl"), "a-one = Again\n");
        expect(() => createTranslator({ dir: bad })).toThrow(/Invalid wording/);
        writeFileSync(join(bad, "en", "b.ftl"), "b-broken = { $\n");
        expect(() => createTranslator({ dir: bad })).toThrow(/Invalid wording/);
      } finally {
        rmSync(bad, { recursive: true, force: true });
      }
    });
  });
});

describe("locales/", () => {
  const bundles = translator.bundles;
  const en = bundles.get("en")!;
  const enKeys = keysOf(en);

  it("holds every key in every language, and no language has a key English lacks", () => {
    expect(enKeys.length).toBeGreaterThan(100);
    for (const [lang, bundle] of bundles) {
      const keys = keysOf(bundle);
      expect({ lang, missing: enKeys.filter((k) => !keys.includes(k)) }).toEqual({ lang, missing: [] });
      expect({ lang, extra: keys.filter((k) => !enKeys.includes(k)) }).toEqual({ lang, extra: [] });
    }
  });

  it("starts every key with the name of its file", () => {
    for (const [lang, files] of readLocaleSources()) {
      for (const { file, source } of files) {
        const prefix = `${basename(file, ".ftl")}-`;
        const ids = [...source.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1] ?? "");
        expect({ lang, file: basename(file), wrong: ids.filter((id) => !id.startsWith(prefix)) }).toEqual({
          lang,
          file: basename(file),
          wrong: [],
        });
      }
    }
  });

  it("formats every message with its arguments, in every language, using only the arguments English takes", () => {
    for (const [lang, bundle] of bundles) {
      for (const key of keysOf(bundle)) {
        const pattern = patternOf(bundle, key);
        for (const ref of references(pattern).messages) {
          expect({ lang, key, ref, exists: patternOf(bundle, ref) !== null }).toEqual({ lang, key, ref, exists: true });
        }
        const vars = variablesOf(bundle, key);
        const contract = variablesOf(en, key);
        expect({ lang, key, unknownArgs: [...vars].filter((v) => !contract.has(v)) }).toEqual({
          lang,
          key,
          unknownArgs: [],
        });
        // Strings and numbers both (numbers pick plural variants, strings the others).
        for (const value of ["x", 1, 2]) {
          const args = Object.fromEntries([...contract].map((v) => [v, value]));
          const errors: Error[] = [];
          const text = bundle.formatPattern(pattern ?? "", args, errors);
          expect({ lang, key, errors: errors.map((e) => e.message) }).toEqual({ lang, key, errors: [] });
          expect(text.trim()).not.toBe("");
          expect(text).not.toMatch(/[\u2066-\u2069]/);
          // What the bots call agrees with the bundle.
          expect(translator.t(lang, key, args)).toBe(text);
        }
      }
    }
  });

  it("has every key the bots ask for", () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) sources.push(path);
      }
    };
    walk(join(REPO, "bots"));
    const prefixes = new Set([...readLocaleSources().values()].flat().map(({ file }) => basename(file, ".ftl")));
    const asked = new Set<string>();
    for (const file of sources) {
      const code = readFileSync(file, "utf8");
      // t("key" ...), ctx.t("key" ...), translator.t(locale, "key" ...)
      for (const m of code.matchAll(/\bt\((?:[\w.?]+,\s*)?"([a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)?)"/g))
        asked.add(m[1] ?? "");
      // Keys kept in constants: any whole string literal shaped like "<file>-<name>", in the Telegram bot and here.
      if (/bots\/(telegram|shared)\//.test(relative(REPO, file).replace(/\\/g, "/"))) {
        for (const m of code.matchAll(/"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"/g)) {
          const literal = m[1] ?? "";
          if ([...prefixes].some((p) => literal.startsWith(`${p}-`))) asked.add(literal);
        }
      }
    }
    for (const locale of translator.locales) asked.delete(locale);
    for (const command of COMMAND_NAMES) asked.add(`help-command-${command}`);
    expect(asked.size).toBeGreaterThan(50);
    expect([...asked].filter((key) => !translator.has(key)).sort()).toEqual([]);
  });
});
