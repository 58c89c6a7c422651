// The message catalogues and the bundled YAML texts are complete in every language, and the language is picked right.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { da } from "../../src/i18n/catalogues/da.js";
import { nb } from "../../src/i18n/catalogues/nb.js";
import { sv } from "../../src/i18n/catalogues/sv.js";
import { languageFrom } from "../../src/i18n/lang.js";
import { en, fill, messages, type MessageKey } from "../../src/i18n/messages.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const LANGS = ["en", "sv", "nb", "da"] as const;
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe("message catalogues", () => {
  const catalogues = { sv, nb, da } as Record<string, Record<string, string | undefined>>;
  const keys = Object.keys(en) as MessageKey[];

  for (const [lang, cat] of Object.entries(catalogues)) {
    it(`${lang} has every key of en, non-empty, with the same {placeholders}`, () => {
      const missing = keys.filter((k) => typeof cat[k] !== "string" || !cat[k]!.trim());
      expect(missing, `${lang} lacks these keys`).toEqual([]);
      const mismatched = keys.filter((k) => placeholders(cat[k]!).join() !== placeholders(en[k]).join());
      expect(mismatched.map((k) => `${k}: ${cat[k]}`), `${lang} placeholders differ from en`).toEqual([]);
      expect(Object.keys(cat).filter((k) => !(k in en)), `${lang} has keys en does not`).toEqual([]);
    });
  }

  it("resolves regional and alias codes, and falls back to English", () => {
    expect(messages("sv-SE").overall).toBe(sv.overall);
    expect(messages("sv_SE").nextStepsHeading).toBe(sv.nextStepsHeading);
    expect(messages("no").overall).toBe(nb.overall);
    expect(messages("da").overall).toBe(da.overall);
    expect(messages("fr").overall).toBe(en.overall);
    expect(messages().overall).toBe(en.overall);
  });

  it("fills placeholders and leaves unknown ones alone", () => {
    expect(fill(messages("sv").savingTo, { file: "a.yaml" })).toBe("Sparar svaren i a.yaml");
    expect(fill("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});

describe("languageFrom", () => {
  it("reads the locale from the environment", () => {
    expect(languageFrom(undefined, { LANG: "sv_SE.UTF-8" })).toBe("sv");
    expect(languageFrom(undefined, { LC_ALL: "nb_NO.UTF-8" })).toBe("nb");
    expect(languageFrom(undefined, { LANG: "no_NO.UTF-8" })).toBe("nb");
    expect(languageFrom(undefined, { LC_ALL: "da_DK.UTF-8", LANG: "sv_SE.UTF-8" })).toBe("da");
    expect(languageFrom(undefined, { LC_ALL: "C", LANG: "sv_SE.UTF-8" })).toBe("sv");
  });
  it("gives undefined for C, POSIX, an unbundled language or nothing", () => {
    expect(languageFrom(undefined, { LANG: "C" })).toBeUndefined();
    expect(languageFrom(undefined, { LANG: "POSIX" })).toBeUndefined();
    expect(languageFrom(undefined, { LANG: "fr_FR.UTF-8" })).toBeUndefined();
    expect(languageFrom(undefined, {})).toBeUndefined();
  });
  it("lets --lang win over the environment", () => {
    expect(languageFrom("da", { LANG: "sv_SE.UTF-8", LC_ALL: "nb_NO.UTF-8" })).toBe("da");
  });
});

describe("bundled YAML texts", () => {
  const TEXT_KEYS = new Set(["title", "description", "text", "help", "label", "minLabel", "maxLabel", "unit", "name", "summary", "reason", "detail"]);
  /** Every text in `doc` as [path, value], found by key name. */
  function texts(doc: unknown, path = ""): Array<[string, unknown]> {
    if (Array.isArray(doc)) return doc.flatMap((x, i) => texts(x, `${path}[${i}]`));
    if (!doc || typeof doc !== "object") return [];
    return Object.entries(doc).flatMap(([k, v]) => (TEXT_KEYS.has(k) ? [[`${path}.${k}`, v] as [string, unknown]] : texts(v, `${path}.${k}`)));
  }

  for (const file of ["questions/media-house.yaml", "questions/media-house-quick.yaml", "scoring/media-house.yaml", "scoring/relationship-first.yaml", "scoring/media-house-quick.yaml"]) {
    it(`${file} has every text in en, sv, nb and da`, () => {
      const found = texts(parse(readFileSync(join(REPO_ROOT, file), "utf8")));
      expect(found.length).toBeGreaterThan(20);
      const bad = found.flatMap(([path, v]) => {
        if (!v || typeof v !== "object" || Array.isArray(v)) return [`${path} is not a map of languages: ${JSON.stringify(v)}`];
        const map = v as Record<string, unknown>;
        const missing = LANGS.filter((l) => typeof map[l] !== "string" || !(map[l] as string).trim());
        return missing.length ? [`${path} lacks ${missing.join(", ")}`] : [];
      });
      expect(bad).toEqual([]);
    });
  }
});
