import type { Answer, AnswerValue } from "./answers.js";
import type { OptionValue, Question } from "./questionnaire.js";
import { type Phrase } from "../i18n/phrase.js";

export const UNKNOWN = "unknown";
export const NOT_APPLICABLE = "n/a";

export type ReadAnswer =
  | { kind: "empty"; note?: string }
  | { kind: "unknown"; note?: string }
  | { kind: "na"; note?: string }
  | { kind: "value"; value: AnswerValue; note?: string };

/**
 * Whether an answer names an option: the same value, or a number and its text ("0.25" for 0.25), since
 * YAML reads an unquoted 0.25 as a number and a quoted one as text. Two texts must match exactly.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "string") return b.trim() !== "" && Number(b) === a;
  if (typeof a === "string" && typeof b === "number") return a.trim() !== "" && Number(a) === b;
  return false;
}

/** The option of a choice question an answer names, if any. */
export function optionOf<O extends { value: OptionValue }>(options: readonly O[], v: unknown): O | undefined {
  return options.find((o) => o.value === v) ?? (typeof v === "string" || typeof v === "number" ? options.find((o) => sameValue(o.value, v)) : undefined);
}

/** An answer in the questionnaire's own terms: each option named as the questionnaire writes it, number or text. */
function asOptions(q: Question | undefined, value: AnswerValue): AnswerValue {
  if (q?.type === "single" && !Array.isArray(value)) return optionOf(q.options, value)?.value ?? value;
  if (q?.type === "multi" && Array.isArray(value)) return value.map((v) => optionOf(q.options, v)?.value ?? v);
  return value;
}

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
  return { kind: "value", value: asOptions(question, value), ...withNote };
}

/** Why a value does not fit a question, or undefined when it does. */
export function answerProblem(q: Question, value: AnswerValue): Phrase | undefined {
  switch (q.type) {
    case "single": {
      const values = q.options.map((o) => String(o.value));
      if (Array.isArray(value) || typeof value === "boolean" || !optionOf(q.options, value)) return { key: "errNotAnOption", params: { value: show(value), id: q.id, options: values.join(", ") } };
      return undefined;
    }
    case "multi": {
      const values = q.options.map((o) => String(o.value));
      if (!Array.isArray(value)) return { key: "errTakesList", params: { id: q.id, example: values.slice(0, 2).join(", ") } };
      const bad = value.filter((v) => !optionOf(q.options, v));
      if (bad.length) return { key: bad.length > 1 ? "errNotOptionsMany" : "errNotOptionsOne", params: { values: bad.map((b) => `'${b}'`).join(", "), id: q.id, options: values.join(", ") } };
      if (new Set(value.map((v) => optionOf(q.options, v))).size !== value.length) return { key: "errOptionTwice", params: { id: q.id } };
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
