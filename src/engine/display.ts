import type { AnswerValue } from "../model/answers.js";
import type { Question } from "../model/questionnaire.js";
import { resolveText } from "../i18n/text.js";
import type { Messages } from "../i18n/messages.js";

/** An answer as the respondent saw it: the option's label, a scale as n/max, a number with its unit. */
export function displayAnswer(q: Question, value: AnswerValue, lang: string, m: Messages): string {
  switch (q.type) {
    case "single":
      return resolveText(q.options.find((o) => o.value === value)?.label, lang) || String(value);
    case "multi":
      return Array.isArray(value) && value.length
        ? value.map((v) => resolveText(q.options.find((o) => o.value === v)?.label, lang) || String(v)).join("; ")
        : "—";
    case "scale":
      return `${String(value)}/${q.max}`;
    case "number":
      return `${String(value)}${q.unit ? ` ${resolveText(q.unit, lang)}` : ""}`;
    case "boolean":
      return value === true ? m.yes : value === false ? m.no : String(value);
    case "text":
      return String(value);
  }
}
