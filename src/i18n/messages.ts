/** User-facing words of the engine and the reports, per language. English is complete; others fall back to it per key. */
const en = {
  unknown: "don't know",
  notApplicable: "not applicable",
  missing: "(no answer)",
  hidden: "(not asked)",
  yes: "yes",
  no: "no",
};
export type Messages = typeof en;

const catalogues: Record<string, Partial<Messages>> = { en };

export function messages(lang = "en"): Messages {
  const own = catalogues[lang] ?? catalogues[lang.split("-")[0]!] ?? {};
  return { ...en, ...own };
}
