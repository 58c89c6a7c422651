import type { Answer, AnswerValue } from "../model/answers.js";
import type { Question } from "../model/questionnaire.js";
import { type Phrase } from "../i18n/phrase.js";

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
export function answerProblem(q: Question, value: AnswerValue): Phrase | undefined {
  switch (q.type) {
    case "single": {
      const values = q.options.map((o) => o.value);
      if (typeof value !== "string" || !values.includes(value)) return { key: "errNotAnOption", params: { value: show(value), id: q.id, options: values.join(", ") } };
      return undefined;
    }
    case "multi": {
      const values = q.options.map((o) => o.value);
      if (!Array.isArray(value)) return { key: "errTakesList", params: { id: q.id, example: values.slice(0, 2).join(", ") } };
      const bad = value.filter((v) => !values.includes(v));
      if (bad.length) return { key: bad.length > 1 ? "errNotOptionsMany" : "errNotOptionsOne", params: { values: bad.map((b) => `'${b}'`).join(", "), id: q.id, options: values.join(", ") } };
      if (new Set(value).size !== value.length) return { key: "errOptionTwice", params: { id: q.id } };
      return undefined;
    }
    case "scale":
      if (typeof value !== "number" || !Number.isInteger(value)) return { key: "errTakesWholeRange", params: { id: q.id, min: q.min, max: q.max } };
      if (value < q.min || value > q.max) return { key: "errOutOfRange", params: { value, id: q.id, min: q.min, max: q.max } };
      return undefined;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return { key: "errTakesNumber", params: { id: q.id } };
      if (q.integer && !Number.isInteger(value)) return { key: "errTakesWhole", params: { id: q.id } };
      if ((q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max))
        return { key: "errOutOfRange", params: { value, id: q.id, min: q.min ?? "-∞", max: q.max ?? "∞" } };
      return undefined;
    case "boolean":
      return typeof value === "boolean" ? undefined : { key: "errTakesBoolean", params: { id: q.id } };
    case "text":
      return typeof value === "string" ? undefined : { key: "errTakesText", params: { id: q.id } };
  }
}

function show(v: AnswerValue): string {
  return Array.isArray(v) ? `[${v.join(", ")}]` : String(v);
}
