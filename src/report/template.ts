import type { Question, Questionnaire } from "../model/questionnaire.js";
import { resolveText } from "../i18n/text.js";
import { fill, messages } from "../i18n/messages.js";

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

const BULLET = /^\s*([-*•]|\d+[.)])\s+/;

/** A help text as comment lines: prose on one line, as before; a list keeps an item a line, as its author wrote it. */
function helpLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (!lines.some((l) => BULLET.test(l))) return [`(${oneLine(text)})`];
  const out: string[] = [];
  let open = false;
  for (const line of lines) {
    if (!line.trim()) {
      open = false;
      continue;
    }
    const item = BULLET.exec(line);
    // A line that is neither an item nor after a blank one continues what came before it.
    if (item) out.push(`${item[1] === "*" || item[1] === "•" ? "-" : item[1]} ${oneLine(line.slice(item[0].length))}`);
    else if (open && out.length) out[out.length - 1] += ` ${oneLine(line)}`;
    else out.push(oneLine(line));
    open = true;
  }
  return out;
}

function describe(q: Question, lang: string): string[] {
  const m = messages(lang);
  const lines: string[] = [];
  switch (q.type) {
    case "single":
      lines.push(m.tplOneOf);
      for (const o of q.options) lines.push(`  ${o.value}: ${oneLine(resolveText(o.label, lang))}`);
      break;
    case "multi":
      lines.push(m.tplListOf);
      for (const o of q.options) lines.push(`  ${o.value}: ${oneLine(resolveText(o.label, lang))}`);
      break;
    case "scale": {
      const ends = [q.minLabel && `${q.min} = ${oneLine(resolveText(q.minLabel, lang))}`, q.maxLabel && `${q.max} = ${oneLine(resolveText(q.maxLabel, lang))}`].filter(Boolean);
      lines.push(`${fill(m.tplWholeNumber, { min: q.min, max: q.max })}${ends.length ? ` (${ends.join(", ")})` : ""}`);
      break;
    }
    case "number":
      lines.push(
        [m.tplNumber, q.min !== undefined && fill(m.tplFrom, { n: q.min }), q.max !== undefined && fill(m.tplTo, { n: q.max })].filter(Boolean).join(" ") +
          (q.unit ? ` (${oneLine(resolveText(q.unit, lang))})` : ""),
      );
      break;
    case "boolean":
      lines.push(fill(m.tplTrueFalse, { yes: m.yes, no: m.no }));
      break;
    case "text":
      lines.push(m.tplFreeText);
      break;
  }
  if (q.allowUnknown) lines.push(fill(m.tplOrUnknown, { unknown: m.unknown }));
  if (q.when) lines.push(fill(m.tplAskedWhen, { condition: JSON.stringify(q.when).replace(/"/g, "") }));
  return lines;
}

/** An answers file with every question, its options in comments, ready to fill by hand. */
export function renderTemplate(q: Questionnaire, lang: string, today: string): string {
  const m = messages(lang);
  const out: string[] = [
    `# ${fill(m.tplHead1, { title: oneLine(resolveText(q.title, lang)) })}`,
    `# ${m.tplHead2}`,
    `# ${m.tplHead3}`,
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
      if (question.help) for (const l of helpLines(resolveText(question.help, lang))) out.push(`  #   ${l}`);
      for (const l of describe(question, lang)) out.push(`  # ${l}`);
      out.push(`  ${question.id}:`);
    }
  }
  return out.join("\n") + "\n";
}
