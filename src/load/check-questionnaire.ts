import type { Condition, ConditionTest } from "../model/condition.js";
import type { Question, Questionnaire } from "../model/questionnaire.js";

import { say, type Path, type PathIssue } from "../errors.js";
import { answerProblem, optionOf } from "../model/answer-values.js";

export interface QuestionRef {
  question: Question;
  section: string;
  index: number;
  path: Path;
}

const indexCache = new WeakMap<Questionnaire, Map<string, QuestionRef>>();

/** Every question by id, in order; the first of duplicate ids wins. Cached: a batch checks thousands of files against one questionnaire. */
export function indexQuestions(q: Questionnaire): Map<string, QuestionRef> {
  const cached = indexCache.get(q);
  if (cached) return cached;
  const map = new Map<string, QuestionRef>();
  indexCache.set(q, map);
  let index = 0;
  q.sections.forEach((s, si) =>
    s.questions.forEach((question, qi) => {
      if (!map.has(question.id)) map.set(question.id, { question, section: s.id, index, path: ["sections", si, "questions", qi] });
      index++;
    }),
  );
  return map;
}

export function conditionTests(c: Condition): Array<{ test: ConditionTest; sub: Path }> {
  if ("all" in c) return c.all.map((test, i) => ({ test, sub: ["all", i] }));
  if ("any" in c) return c.any.map((test, i) => ({ test, sub: ["any", i] }));
  return [{ test: c, sub: [] }];
}

/** Checks that a condition names real questions and values that fit their types. */
export function checkCondition(
  c: Condition,
  questions: Map<string, QuestionRef>,
  path: Path,
  before?: number,
): PathIssue[] {
  const issues: PathIssue[] = [];
  for (const { test, sub } of conditionTests(c)) {
    const p = [...path, ...sub];
    const ref = questions.get(test.question);
    if (!ref) {
      issues.push({ path: [...p, "question"], ...say("errWhenUnknown", { question: test.question }) });
      continue;
    }
    if (before !== undefined && ref.index >= before) {
      issues.push({ path: [...p, "question"], ...say("errWhenForward", { question: test.question }) });
    }
    const q = ref.question;
    const numeric = q.type === "scale" || q.type === "number";
    if ((test.atLeast !== undefined || test.atMost !== undefined) && !numeric) {
      issues.push({ path: p, ...say("errWhenRange", { id: q.id, type: q.type }) });
    }
    if (test.includes !== undefined && q.type !== "multi") {
      issues.push({ path: [...p, "includes"], ...say("errWhenIncludes", { id: q.id, type: q.type }) });
    }
    issues.push(...neverHolds(test, q, p));
  }
  return issues;
}

/** The values of a test that no answer to its question can ever equal: a string on a boolean, 7 on a 1-5 scale. */
function neverHolds(test: ConditionTest, q: Question, p: Path): PathIssue[] {
  const issues: PathIssue[] = [];
  const given: Array<[string | number | boolean, Path, string]> = [];
  if (test.equals !== undefined) given.push([test.equals, [...p, "equals"], "equals"]);
  for (const op of ["in", "notIn"] as const) test[op]?.forEach((v, i) => given.push([v, [...p, op, i], op]));
  if (q.type === "multi") {
    // A multi answer is a list: equals, in and notIn compare it whole, so never with one option.
    for (const op of new Set(given.map(([, , op]) => op))) issues.push({ path: [...p, op], ...say("errWhenWholeList", { op, id: q.id }) });
    if (test.includes !== undefined) given.splice(0, given.length, [test.includes, [...p, "includes"], "includes"]);
    else return issues;
  }
  for (const [v, vp] of given) {
    if (q.type === "single" || q.type === "multi") {
      const values = q.options.map((o) => String(o.value));
      if (!optionOf(q.options, v)) issues.push({ path: vp, ...say("errWhenOption", { value: String(v), id: q.id, options: values.join(", ") }) });
      continue;
    }
    const why = answerProblem(q, v);
    if (why) issues.push({ path: vp, ...say("errWhenNeverHolds", { value: String(v), why }) });
  }
  if (q.type === "scale" || q.type === "number") {
    const { min, max } = q;
    if (test.atLeast !== undefined && max !== undefined && test.atLeast > max)
      issues.push({ path: [...p, "atLeast"], ...say("errWhenNeverHolds", { value: String(test.atLeast), why: { key: "errOutOfRange", params: { value: test.atLeast, id: q.id, min: min ?? "-∞", max } } }) });
    if (test.atMost !== undefined && min !== undefined && test.atMost < min)
      issues.push({ path: [...p, "atMost"], ...say("errWhenNeverHolds", { value: String(test.atMost), why: { key: "errOutOfRange", params: { value: test.atMost, id: q.id, min, max: max ?? "∞" } } }) });
  }
  return issues;
}

/** Checks a schema-valid questionnaire for what a schema cannot say; texts are checked as written, answer sets included. */
export function checkQuestionnaire(q: Questionnaire, written: unknown = q): PathIssue[] {
  const issues: PathIssue[] = [];
  const seenSections = new Set<string>();
  const seenQuestions = new Set<string>();
  q.sections.forEach((s, si) => {
    if (seenSections.has(s.id)) issues.push({ path: ["sections", si, "id"], ...say("errDuplicateSection", { id: s.id }) });
    seenSections.add(s.id);
    s.questions.forEach((question, qi) => {
      const p: Path = ["sections", si, "questions", qi];
      if (seenQuestions.has(question.id)) issues.push({ path: [...p, "id"], ...say("errDuplicateQuestion", { id: question.id }) });
      seenQuestions.add(question.id);
      if (question.type === "single" || question.type === "multi") {
        // 1 and "1" are one answer in an answers file, so they are one option here.
        question.options.forEach((o, oi) => {
          if (optionOf(question.options.slice(0, oi), o.value)) issues.push({ path: [...p, "options", oi, "value"], ...say("errDuplicateOption", { value: String(o.value) }) });
        });
      }
      if ((question.type === "scale" || question.type === "number") && question.min !== undefined && question.max !== undefined) {
        if (question.min >= question.max) issues.push({ path: [...p, "max"], ...say("errMaxNotAboveMin", { max: question.max, min: question.min }) });
      }
    });
  });
  issues.push(...missingTranslations(written, q.languages));
  const index = indexQuestions(q);
  for (const ref of index.values()) {
    if (ref.question.when) issues.push(...checkCondition(ref.question.when, index, [...ref.path, "when"], ref.index));
  }
  return issues;
}

/** Every text of a value: [path, text] pairs, found by walking it; texts are strings or language maps under known keys. */
const TEXT_KEYS = new Set(["title", "short", "description", "text", "help", "label", "minLabel", "maxLabel", "unit", "name", "summary", "reason", "detail", "source"]);

export function missingTranslations(value: unknown, languages: readonly string[], path: Path = []): PathIssue[] {
  const issues: PathIssue[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => issues.push(...missingTranslations(v, languages, [...path, i])));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (TEXT_KEYS.has(k) && (typeof v === "string" || (v && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string")))) {
        const missing = typeof v === "string" ? (languages.length > 1 ? languages.filter((l) => l !== "en") : []) : languages.filter((l) => !(v as Record<string, string>)[l]);
        if (missing.length) issues.push({ path: [...path, k], ...say("errMissingText", { key: k, missing: missing.join(", "), languages: languages.join(", ") }) });
      } else if (typeof v === "object") issues.push(...missingTranslations(v, languages, [...path, k]));
    }
  }
  return issues;
}
