import type { Question, Questionnaire } from "../model/questionnaire.js";
import { resolveText } from "../i18n/text.js";
import { messages } from "../i18n/messages.js";
import type { Io } from "../cli/io.js";
import { Resolver } from "./resolve.js";
import { writeFileAtomic } from "./files.js";

export interface TemplateOptions {
  questionnaire?: string;
  lang?: string;
  output?: string;
  today: string;
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

function describe(q: Question, lang: string): string[] {
  const m = messages(lang);
  const lines: string[] = [];
  switch (q.type) {
    case "single":
      lines.push("one of (least mature first):");
      for (const o of q.options) lines.push(`  ${o.value}: ${oneLine(resolveText(o.label, lang))}`);
      break;
    case "multi":
      lines.push("a list of any of, e.g. [a, b] or [] for none:");
      for (const o of q.options) lines.push(`  ${o.value}: ${oneLine(resolveText(o.label, lang))}`);
      break;
    case "scale": {
      const ends = [q.minLabel && `${q.min} = ${oneLine(resolveText(q.minLabel, lang))}`, q.maxLabel && `${q.max} = ${oneLine(resolveText(q.maxLabel, lang))}`].filter(Boolean);
      lines.push(`a whole number from ${q.min} to ${q.max}${ends.length ? ` (${ends.join(", ")})` : ""}`);
      break;
    }
    case "number":
      lines.push(`a number${q.min !== undefined ? ` from ${q.min}` : ""}${q.max !== undefined ? ` to ${q.max}` : ""}${q.unit ? ` (${oneLine(resolveText(q.unit, lang))})` : ""}`);
      break;
    case "boolean":
      lines.push(`true (${m.yes}) or false (${m.no})`);
      break;
    case "text":
      lines.push('free text in quotes, e.g. "..."');
      break;
  }
  if (q.allowUnknown) lines.push(`or: unknown (${m.unknown})`);
  if (q.when) lines.push(`asked only when: ${JSON.stringify(q.when).replace(/"/g, "")}`);
  return lines;
}

/** An answers file with every question, its options in comments, ready to fill by hand. */
export function renderTemplate(q: Questionnaire, lang: string, today: string): string {
  const out: string[] = [
    `# Answers to "${oneLine(resolveText(q.title, lang))}". Fill in a value after each question id;`,
    "# leave it empty to skip it. Any answer can carry a note: { value: ..., note: \"why\" }.",
    "# Check it with: maturity-audit validate FILE   Score it with: maturity-audit score FILE",
    "kind: answers",
    "version: 1",
    `questionnaire: ${q.id}@${q.revision}`,
    'respondent: ""',
    'organisation: ""',
    `date: "${today}"`,
    ...(lang !== "en" ? [`lang: ${lang}`] : []),
    "answers:",
  ];
  for (const s of q.sections) {
    out.push("", `  # ── ${oneLine(resolveText(s.title, lang))} ──`);
    for (const question of s.questions) {
      out.push("", `  # ${oneLine(resolveText(question.text, lang))}`);
      if (question.help) out.push(`  #   (${oneLine(resolveText(question.help, lang))})`);
      for (const l of describe(question, lang)) out.push(`  # ${l}`);
      out.push(`  ${question.id}:`);
    }
  }
  return out.join("\n") + "\n";
}

export function runTemplate(opts: TemplateOptions, io: Io): void {
  const q = new Resolver(opts).questionnaire();
  const text = renderTemplate(q.value, opts.lang ?? "en", opts.today);
  if (opts.output) writeFileAtomic(opts.output, text);
  else io.out(text);
}
