import type { Answer, AnswerValue } from "../model/answers.js";
import type { Question } from "../model/questionnaire.js";

export const UNKNOWN = "unknown";
export const NOT_APPLICABLE = "n/a";

export type ReadAnswer =
  | { kind: "empty"; note?: string }
  | { kind: "unknown"; note?: string }
  | { kind: "na"; note?: string }
  | { kind: "value"; value: AnswerValue; note?: string };

/** Splits an answer into its value and note, and recognises "don't know" and "not applicable". */
export function readAnswer(raw: Answer | null | undefined, question?: Question): ReadAnswer {
  if (raw === null || raw === undefined) return { kind: "empty" };
  const { value, note } = typeof raw === "object" && !Array.isArray(raw) ? raw : { value: raw, note: undefined };
  const withNote = note === undefined ? {} : { note };
  // In a free-text answer, "unknown" and "n/a" are just words.
  if (question?.type !== "text") {
    if (value === UNKNOWN) return { kind: "unknown", ...withNote };
    if (value === NOT_APPLICABLE) return { kind: "na", ...withNote };
  }
  return { kind: "value", value, ...withNote };
}

/** Why a value does not fit a question, or undefined when it does. */
export function answerProblem(q: Question, value: AnswerValue): string | undefined {
  switch (q.type) {
    case "single": {
      const values = q.options.map((o) => o.value);
      if (typeof value !== "string" || !values.includes(value)) return `'${show(value)}' is not an option of '${q.id}'; choose one of: ${values.join(", ")}`;
      return undefined;
    }
    case "multi": {
      const values = q.options.map((o) => o.value);
      if (!Array.isArray(value)) return `'${q.id}' takes a list of options, e.g. [${values.slice(0, 2).join(", ")}]`;
      const bad = value.filter((v) => !values.includes(v));
      if (bad.length) return `${bad.map((b) => `'${b}'`).join(", ")} ${bad.length > 1 ? "are not options" : "is not an option"} of '${q.id}'; choose from: ${values.join(", ")}`;
      if (new Set(value).size !== value.length) return `'${q.id}' lists an option twice`;
      return undefined;
    }
    case "scale":
      if (typeof value !== "number" || !Number.isInteger(value)) return `'${q.id}' takes a whole number from ${q.min} to ${q.max}`;
      if (value < q.min || value > q.max) return `${value} is out of range for '${q.id}' (${q.min} to ${q.max})`;
      return undefined;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return `'${q.id}' takes a number`;
      if (q.integer && !Number.isInteger(value)) return `'${q.id}' takes a whole number`;
      if ((q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max))
        return `${value} is out of range for '${q.id}' (${q.min ?? "-∞"} to ${q.max ?? "∞"})`;
      return undefined;
    case "boolean":
      return typeof value === "boolean" ? undefined : `'${q.id}' takes true or false`;
    case "text":
      return typeof value === "string" ? undefined : `'${q.id}' takes text; put it in quotes`;
  }
}

function show(v: AnswerValue): string {
  return Array.isArray(v) ? `[${v.join(", ")}]` : String(v);
}
