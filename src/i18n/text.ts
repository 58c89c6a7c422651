import type { Text } from "../model/common.js";

/** Resolves a text in a language, falling back to English, then to any language given. */
export function resolveText(text: Text | undefined, lang = "en"): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  return text[lang] ?? text[lang.split("-")[0]!] ?? text.en ?? Object.values(text)[0] ?? "";
}

/** The languages in which a text is missing, of those a file declares. */
export function missingLanguages(text: Text | undefined, languages: readonly string[]): string[] {
  if (text === undefined || typeof text === "string") return [];
  return languages.filter((l) => !text[l]);
}
