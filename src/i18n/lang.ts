/** The languages of the bundled texts and messages. Kept apart from the catalogues so that start-up does not load them. */
export const LANGUAGES = ["en", "sv", "nb", "da"] as const;

/** The language from --lang, else from LC_ALL / LC_MESSAGES / LANG (sv_SE.UTF-8 → sv); undefined when neither names one. */
export function languageFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (flag) return flag;
  for (const v of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!v || v === "C" || v === "POSIX") continue;
    const code = v.split(/[._@]/)[0]!.split("_")[0]!.toLowerCase();
    if (code === "no" || code === "nn") return "nb";
    if ((LANGUAGES as readonly string[]).includes(code)) return code;
  }
  return undefined;
}
