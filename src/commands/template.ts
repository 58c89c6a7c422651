import { existsSync } from "node:fs";
import { UsageError } from "../errors.js";
import { Resolver } from "../audit/resolve.js";
import { renderTemplate } from "../report/template.js";
import { saveFile } from "../save/write-file.js";
import type { Io } from "./io.js";

export interface TemplateOptions {
  questionnaire?: string;
  lang?: string;
  output?: string;
  today: string;
}

export function runTemplate(opts: TemplateOptions, io: Io): void {
  const q = new Resolver(opts).questionnaire();
  const text = renderTemplate(q.value, opts.lang ?? "en", opts.today);
  if (opts.output) {
    // A filled-in answers file is work; never replace one with a blank template.
    if (existsSync(opts.output)) throw new UsageError({ key: "errFileExists", params: { file: opts.output } }, { key: "hintOtherName" });
    saveFile(opts.output, text);
  } else io.out(text);
}
